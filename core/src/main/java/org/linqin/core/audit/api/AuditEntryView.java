package org.linqin.core.audit.api;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.audit.AuditEntry;

import io.vertx.core.json.JsonObject;

@Name("AuditEntry")
@Description("One line of the audit log: a change, or a read of a full personal record. 审计记录")
public record AuditEntryView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @Description("Community concerned; null for platform-wide actions. 社区") String community,
        @NonNull @Description("Who: user name and subject. 操作人") String actor,
        @NonNull @Description("What happened, e.g. `module.enabled`. 操作") String action,
        @NonNull @Description("Kind of thing concerned. 对象类型") String targetType,
        @NonNull @Description("Id of the thing concerned. 对象编号") String targetId,
        @Description("Details as a JSON object. 详情") String details,
        @NonNull @Description("When. 时间") OffsetDateTime at) {

    public static AuditEntryView of(AuditEntry e) {
        return new AuditEntryView(e.id, e.communityCode, e.actor, e.action, e.targetType, e.targetId,
                e.details == null ? null : new JsonObject(e.details).encode(), e.at);
    }
}
