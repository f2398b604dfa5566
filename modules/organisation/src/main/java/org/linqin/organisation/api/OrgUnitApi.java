package org.linqin.organisation.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.organisation.api.OrgViews.OrgUnitView;
import org.linqin.organisation.api.OrgViews.TreeEntryView;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.service.OrgInputs.NewUnit;
import org.linqin.organisation.service.OrgUnitService;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class OrgUnitApi {

    @Inject
    OrgUnitService units;

    @Query
    @Authenticated
    @Description("The active organisation units of the addressed community in depth-first order, roots first, down "
            + "to `depth` levels (1–10, default 10); loaded in one query whatever its size. Public directory for "
            + "members. Module organisation. 组织架构")
    public List<TreeEntryView> organisationTree(@Description("How many levels, 1 to 10.") Integer depth) {
        return units.tree(depth).stream().map(e -> new TreeEntryView(e.depth(), OrgUnitView.of(e.unit()))).toList();
    }

    @Query
    @Authenticated
    @Description("An organisation unit of the addressed community. Module organisation. 组织")
    public OrgUnitView orgUnit(@NonNull @Id @Description("Id of the unit.") Long id) {
        return OrgUnitView.of(units.unit(id));
    }

    @Query
    @Authenticated
    @Description("Organisation units by name and kind. Module organisation. 查找组织")
    public Connection<OrgUnitView> orgUnits(@Description("Only units whose name contains this text.") String nameContains,
            @Description("Only units of this kind.") OrgUnitKind kind,
            @Description("Include dissolved units (default false).") Boolean includeDissolved,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return units.search(nameContains, kind, Boolean.TRUE.equals(includeDissolved), PageRequest.of(first, after))
                .map(OrgUnitView::of);
    }

    @Description("Active units directly under this one (batched). Module organisation. 下级组织")
    public List<List<OrgUnitView>> children(@Source List<OrgUnitView> parents) {
        return units.childrenOf(parents.stream().map(OrgUnitView::id).toList()).stream()
                .map(list -> list.stream().map(OrgUnitView::of).toList()).toList();
    }

    @Description("The unit this one sits under (batched). Module organisation. 上级组织")
    public List<OrgUnitView> parent(@Source List<OrgUnitView> children) {
        Map<Long, OrgUnit> byId = units.byIds(children.stream().map(OrgUnitView::parentId).filter(Objects::nonNull)
                .toList());
        return children.stream().map(c -> c.parentId() == null ? null : OrgUnitView.of(byId.get(c.parentId())))
                .toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Creates a unit. Its parent must be the level above on the five-level axis (VALIDATION_FAILED "
            + "otherwise); partners have none. Community admins; audited. Module organisation. 新建组织")
    public OrgUnitView createOrgUnit(@NonNull NewUnit input) {
        return OrgUnitView.of(units.create(input));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Renames a unit. Community admins; audited. Module organisation. 更名")
    public OrgUnitView renameOrgUnit(@NonNull @Id @Description("The unit.") Long id,
            @NonNull @Description("New name.") String name,
            @Description("The version you read.") Integer expectedVersion) {
        return OrgUnitView.of(units.rename(id, name, expectedVersion));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Moves a unit under another parent, by the same rules as creating. Community admins; audited. "
            + "Module organisation. 调整隶属")
    public OrgUnitView moveOrgUnit(@NonNull @Id @Description("The unit.") Long id,
            @Id @Description("The new parent; empty for none.") Long parentId) {
        return OrgUnitView.of(units.move(id, parentId));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Dissolves a unit that has no active units under it; its appointments end that day and stay as "
            + "history. Community admins; audited. Module organisation. 撤销组织")
    public OrgUnitView dissolveOrgUnit(@NonNull @Id @Description("The unit.") Long id,
            @Description("Day dissolved; default today.") LocalDate on) {
        return OrgUnitView.of(units.dissolve(id, on));
    }
}
