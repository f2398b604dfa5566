package org.linqin.core.community.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.community.model.Community;

@Name("Community")
@Description("A community (社区): the tenant. Its places, people and modules are read by addressing it "
        + "(header `X-Community`).")
public record CommunityView(
        @NonNull @Description("Permanent code, e.g. `changqing-6`. 社区代码") String code,
        @NonNull @Description("Name. 名称") String name,
        @Description("District or street it belongs to. 所属区/街道") String district,
        @NonNull @Description("IANA time zone of its dates and times. 时区") String timeZone,
        @Description("Date founded. 成立日期") LocalDate foundedOn,
        @Description("Version for optimistic locking; pass it as `expectedVersion` when editing. 版本") int version) {

    public static CommunityView of(Community c) {
        return new CommunityView(c.code, c.name, c.district, c.timeZone, c.foundedOn, c.version);
    }
}
