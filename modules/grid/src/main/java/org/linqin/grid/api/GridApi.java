package org.linqin.grid.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Ids;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Roles;
import org.linqin.grid.api.GridViews.GridMemberView;
import org.linqin.grid.api.GridViews.GridView;
import org.linqin.grid.model.Grid;
import org.linqin.grid.model.GridMember;
import org.linqin.grid.model.GridRole;
import org.linqin.grid.service.GridService;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class GridApi {

    @Inject
    GridService grids;

    @Query
    @Authenticated
    @Description("Grids of the addressed community; a part-time grid worker sees the grids assigned to them. "
            + "Module grid. 网格")
    public List<GridView> grids() {
        return grids.visibleGrids().stream().map(GridView::of).toList();
    }

    @Query
    @Authenticated
    @Description("A grid with its buildings and people. Module grid. 网格详情")
    public GridView grid(@NonNull @Id @Description("The grid.") Long id) {
        return GridView.of(grids.grid(id));
    }

    @Query
    @Authenticated
    @Description("The grid of the caller's building, with the people responsible; null when it has none. Module "
            + "grid. 我的网格")
    public GridView myGrid() {
        Grid grid = grids.myGrid();
        return grid == null ? null : GridView.of(grid);
    }

    @Query
    @Authenticated
    @Description("Grids the caller is responsible for. Module grid. 我负责的网格")
    public List<GridView> myGridResponsibilities() {
        return grids.myResponsibilities().stream().map(GridView::of).toList();
    }

    @Description("The people responsible for the grid (batched). Module grid. 网格人员")
    public List<List<GridMemberView>> members(@Source List<GridView> gridViews) {
        List<List<GridMember>> members = grids.membersOf(gridViews.stream().map(GridView::id).toList());
        List<Long> people = members.stream().flatMap(List::stream).map(m -> m.personId).distinct().toList();
        Map<Long, String> names = people.isEmpty() ? Map.of()
                : Person.<Person> list("id in ?1", people).stream().collect(Collectors.toMap(p -> p.id, p -> p.name));
        return members.stream().map(list -> list.stream().map(m -> GridMemberView.of(m, names)).toList()).toList();
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Creates a grid over buildings (each building in at most one grid). Community admins; audited. "
            + "Module grid. 新建网格")
    public GridView createGrid(@NonNull @Description("Name.") String name,
            @Description("Description.") String description,
            @Description("Ids of its buildings.") List<String> buildingIds,
            @Id @Description("Its building party group.") Long partyGroupUnitId) {
        return GridView.of(grids.create(name, description, Ids.parse("buildingIds", buildingIds), partyGroupUnitId));
    }

    @Mutation("setGridBuildings")
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Sets the buildings of a grid. Community admins; audited. Module grid. 调整网格楼栋")
    public GridView setGridBuildings(@NonNull @Id @Description("The grid.") Long gridId,
            @NonNull @Description("Ids of its buildings.") List<String> buildingIds) {
        return GridView.of(grids.setBuildings(gridId, Ids.parse("buildingIds", buildingIds)));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Gives a person a responsibility in a grid; building roles (两长四员) name the building. Community "
            + "admins; audited. Module grid. 网格任职")
    public GridMemberView assignGridMember(@NonNull @Id @Description("The grid.") Long gridId,
            @NonNull @Id @Description("The person.") Long personId,
            @NonNull @Description("The responsibility.") GridRole role,
            @Id @Description("The building, for building roles.") Long buildingId) {
        GridMember member = grids.assign(gridId, personId, role, buildingId);
        return GridMemberView.of(member, Map.of(personId, Person.<Person> findById(personId).name));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Removes a responsibility. Community admins; audited. Module grid. 免去网格职责")
    public boolean removeGridMember(@NonNull @Id @Description("The grid member.") Long memberId) {
        grids.unassign(memberId);
        return true;
    }
}
