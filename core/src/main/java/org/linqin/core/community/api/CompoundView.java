package org.linqin.core.community.api;

import java.time.LocalDate;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.community.model.Compound;

@Name("Compound")
@Description("A residential compound (小区) of a community.")
public record CompoundView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Name. 名称") String name,
        @Description("Date handed over to the owners. 交付日期") LocalDate deliveredOn,
        @Description("Free description. 描述") String description,
        @Description("Version for optimistic locking. 版本") int version) {

    public static CompoundView of(Compound c) {
        return new CompoundView(c.id, c.name, c.deliveredOn, c.description, c.version);
    }
}
