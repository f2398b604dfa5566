package org.linqin.grid.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.i18n.Msg;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.grid.model.Grid;
import org.linqin.grid.model.GridMember;
import org.linqin.grid.model.GridRole;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;

/** Grids of the addressed community, their buildings and the people responsible for them. */
@ApplicationScoped
public class GridService {

    @Inject
    CommunityContext context;

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    IncidentService incidents;

    @Inject
    AuditLog audit;

    /** The grids the caller may see: all for staff; a part-time grid worker only the grids assigned to them. */
    public List<Grid> visibleGrids() {
        Viewer viewer = incidents.viewer();
        if (!viewer.seesAll() && caller.hasRole(Roles.PART_TIME_GRID_WORKER)) {
            return viewer.gridIds().isEmpty() ? List.of() : Grid.list("id in ?1 order by name", viewer.gridIds());
        }
        return Grid.list("order by name");
    }

    public Grid grid(Long id) {
        context.require();
        Grid grid = id == null ? null : Grid.findById(id);
        if (grid == null || !visibleGrids().stream().anyMatch(g -> g.id.equals(grid.id))) {
            throw new NotFoundException(Msg.of("grid.thing.grid"), id);
        }
        return grid;
    }

    /** The grid of the caller's building, with the people responsible: "my grid" for a resident. */
    public Grid myGrid() {
        Person me = ownRecord.find().orElse(null);
        if (me == null || me.building == null) {
            return null;
        }
        return Grid.find("?1 member of buildingIds", me.building.id).firstResult();
    }

    /** Grids where the caller holds a responsibility. */
    public List<Grid> myResponsibilities() {
        Viewer viewer = incidents.viewer();
        return viewer.gridIds().isEmpty() ? List.of() : Grid.list("id in ?1 order by name", viewer.gridIds());
    }

    public List<List<GridMember>> membersOf(List<Long> gridIds) {
        Map<Long, List<GridMember>> byGrid = GridMember.<GridMember> list("gridId in ?1 order by role, id", gridIds)
                .stream().collect(Collectors.groupingBy(m -> m.gridId));
        return gridIds.stream().map(id -> byGrid.getOrDefault(id, List.of())).toList();
    }

    @Transactional
    public Grid create(String name, String description, List<Long> buildingIds, Long partyGroupUnitId) {
        String community = context.require();
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ValidationFailedException.of("name", Msg.of("grid.grid.mustCharacters"));
        }
        if (description != null && description.length() > 2000) {
            throw ValidationFailedException.of("description", Msg.of("grid.grid.mustMostCharacters"));
        }
        if (Grid.count("name", name.trim()) > 0) {
            throw new ConflictException(Msg.of("grid.grid.gridNamedExistsAlready", name.trim()));
        }
        Grid grid = new Grid();
        grid.name = name.trim();
        grid.description = description;
        grid.buildingIds = new ArrayList<>(checkedBuildings(buildingIds, null));
        grid.partyGroupUnitId = checkedPartyGroup(partyGroupUnitId);
        grid.persist();
        audit.record(community, "grid.created", "grid", grid.id, Map.of("name", grid.name));
        return grid;
    }

    @Transactional
    public Grid setBuildings(Long gridId, List<Long> buildingIds) {
        Grid grid = grid(gridId);
        grid.buildingIds.clear();
        grid.buildingIds.addAll(checkedBuildings(buildingIds, grid.id));
        audit.record(grid.communityCode, "grid.buildings-set", "grid", gridId, Map.of("buildings", buildingIds));
        return grid;
    }

    @Transactional
    public GridMember assign(Long gridId, Long personId, GridRole role, Long buildingId) {
        Grid grid = grid(gridId);
        if (personId == null || Person.findById(personId) == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), personId);
        }
        if (role.perBuilding() && (buildingId == null || !grid.buildingIds.contains(buildingId))) {
            throw ValidationFailedException.of("buildingId", Msg.of("grid.grid.heldOneBuildingGrid", role));
        }
        if (!role.perBuilding() && buildingId != null) {
            throw ValidationFailedException.of("buildingId", Msg.of("grid.grid.heldWholeGrid", role));
        }
        GridMember member = new GridMember();
        member.gridId = grid.id;
        member.personId = personId;
        member.role = role;
        member.buildingId = buildingId;
        member.persist();
        audit.record(grid.communityCode, "grid.member-assigned", "grid", gridId,
                Map.of("person", personId, "role", role.name()));
        return member;
    }

    @Transactional
    public void unassign(Long memberId) {
        context.require();
        GridMember member = memberId == null ? null : GridMember.findById(memberId);
        if (member == null) {
            throw new NotFoundException(Msg.of("grid.thing.gridMember"), memberId);
        }
        member.delete();
        audit.record(member.communityCode, "grid.member-removed", "grid", member.gridId, Map.of("member", memberId));
    }

    private List<Long> checkedBuildings(List<Long> buildingIds, Long gridId) {
        List<Long> ids = buildingIds == null ? List.of() : List.copyOf(Set.copyOf(buildingIds));
        for (Long id : ids) {
            if (Building.findById(id) == null) {
                throw new NotFoundException(Msg.of("core.thing.building"), id);
            }
            Grid other = Grid.find("?1 member of buildingIds", id).firstResult();
            if (other != null && !other.id.equals(gridId)) {
                throw new ConflictException(Msg.of("grid.grid.buildingGridAlready", id, other.name));
            }
        }
        return ids;
    }

    private static Long checkedPartyGroup(Long unitId) {
        if (unitId == null) {
            return null;
        }
        OrgUnit unit = OrgUnit.findById(unitId);
        if (unit == null || unit.kind != OrgUnitKind.PARTY_GROUP) {
            throw ValidationFailedException.of("partyGroupUnitId", Msg.of("grid.grid.mustPartyGroupCommunity"));
        }
        return unit.id;
    }
}
