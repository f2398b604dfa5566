package org.linqin.core.community.api;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.community.model.Building;

@Name("Building")
@Description("A building (楼栋) of a compound.")
public record BuildingView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Name, e.g. `3栋`. 名称") String name,
        @NonNull @Description("Unit names in order. 单元") List<@NonNull String> units,
        @Description("Number of floors. 楼层数") Integer floors,
        @Description("Version for optimistic locking. 版本") int version,
        @org.eclipse.microprofile.graphql.Ignore Long compoundId) {

    public static BuildingView of(Building b) {
        return new BuildingView(b.id, b.name, List.copyOf(b.units), b.floors, b.version, b.compound.id);
    }
}
