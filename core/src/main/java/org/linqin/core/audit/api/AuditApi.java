package org.linqin.core.audit.api;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.audit.AuditSearch;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.security.Roles;

@GraphQLApi
public class AuditApi {

    @Inject
    AuditSearch audit;

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("The audit log, oldest first: every change and every read of a full personal record. Community "
            + "admins read their community's; platform admins any community's, or all lines (platform-wide ones "
            + "included) when no community is named. 审计日志")
    public Connection<AuditEntryView> auditLog(
            @Description("Community code; platform admins only (others read the addressed community).") String community,
            @Description("Only lines whose actor (user name and subject) contains this text.") String actorContains,
            @Description("Only this action, e.g. `module.enabled`, `person.read-full`.") String action,
            @Description("Only lines about this kind of thing, e.g. `person`, `compound`.") String targetType,
            @Description("Only lines about the thing with this id (with targetType).") String targetId,
            @Description("From this time, inclusive.") OffsetDateTime from,
            @Description("Until this time, exclusive.") OffsetDateTime to,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return audit.search(new AuditSearch.Filter(community, actorContains, action, targetType, targetId, from, to),
                PageRequest.of(first, after)).map(AuditEntryView::of);
    }
}
