package org.linqin.core.people.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.people.service.VisiblePerson;

@Name("Person")
@Description("A person of a community (居民/工作人员). Personal information: the phone is masked (`138****5678`) "
        + "for callers who may not see it in full; every full read by staff is audited.")
public record PersonView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Full name. 姓名") String name,
        @Description("Mobile phone, masked unless the caller may see it in full. 手机号") String phone,
        @Description("True when this record is shown in full (phone unmasked). 是否完整信息") boolean fullRecord,
        @Description("Unit of their building. 单元") String unit,
        @Description("Household within the unit. 户") String household,
        @Description("True once the person is linked to a login. 是否已绑定账号") boolean hasLogin,
        @Description("Version for optimistic locking. 版本") int version,
        @Ignore Long buildingId) {

    public static PersonView of(VisiblePerson v) {
        return new PersonView(v.person().id, v.person().name, v.phone(), v.fullRecord(), v.person().unit,
                v.person().household, v.person().subject != null, v.person().version,
                v.person().building == null ? null : v.person().building.id);
    }
}
