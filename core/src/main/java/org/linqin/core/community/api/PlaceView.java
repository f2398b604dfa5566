package org.linqin.core.community.api;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.model.PlaceKind;

@Name("Place")
@Description("A named public place (公共场所): a square, the party-mass service centre, a park.")
public record PlaceView(
        @Id @NonNull @Description("Id. 编号") Long id,
        @NonNull @Description("Name, e.g. `邻亲广场（东）`. 名称") String name,
        @NonNull @Description("Kind of place. 类型") PlaceKind kind,
        @Description("Address. 地址") String address,
        @Description("Free description. 描述") String description,
        @Description("Version for optimistic locking. 版本") int version,
        @Ignore Long compoundId) {

    public static PlaceView of(Place p) {
        return new PlaceView(p.id, p.name, p.kind, p.address, p.description, p.version,
                p.compound == null ? null : p.compound.id);
    }
}
