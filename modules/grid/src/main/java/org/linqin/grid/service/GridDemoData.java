package org.linqin.grid.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.core.community.model.Building;
import org.linqin.core.people.model.Person;
import org.linqin.grid.model.Grid;
import org.linqin.grid.model.GridMember;
import org.linqin.grid.model.GridRole;
import org.linqin.grid.model.Incident;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentEvent;
import org.linqin.grid.model.IncidentState;
import org.linqin.grid.model.Settlement;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;

/**
 * Grids over the demo buildings (three buildings each), the 11 housing managers as part-time grid workers, and a
 * few incidents in each state and level.
 */
@ApplicationScoped
public class GridDemoData {

    public void seed() {
        List<Building> buildings = Building.list("order by id");
        List<Grid> grids = new ArrayList<>();
        for (int i = 0; i < buildings.size(); i += 3) {
            Grid grid = new Grid();
            grid.name = "第" + (grids.size() + 1) + "网格";
            grid.buildingIds = new ArrayList<>(buildings.subList(i, Math.min(i + 3, buildings.size())).stream()
                    .map(b -> b.id).toList());
            OrgUnit group = OrgUnit.<OrgUnit> find("kind = ?1 and name like ?2", OrgUnitKind.PARTY_GROUP,
                    "%" + buildings.get(i).name + "党小组").firstResult();
            grid.partyGroupUnitId = group == null ? null : group.id;
            grid.persist();
            grids.add(grid);
        }
        if (grids.isEmpty()) {
            return;
        }
        member(grids.get(0), "王委员", GridRole.RESPONSIBLE_COMMITTEE_MEMBER, null);
        member(grids.get(0), "张网格", GridRole.GRID_WORKER, null);
        member(grids.get(0), "赵楼长", GridRole.BUILDING_HEAD, grids.get(0).buildingIds.get(0));
        List<Person> housingManagers = new ArrayList<>(Person.<Person> list("name", "刘房管"));
        housingManagers.addAll(Person.list("name like ?1 order by name", "房管员%"));
        for (int i = 0; i < housingManagers.size(); i++) {
            GridMember m = new GridMember();
            m.gridId = grids.get(i % grids.size()).id;
            m.personId = housingManagers.get(i).id;
            m.role = GridRole.PART_TIME_GRID_WORKER;
            m.persist();
        }

        Person reporter = Person.<Person> find("name", "郑居民").firstResult();
        if (reporter == null) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now();
        Long building = grids.get(0).buildingIds.get(0);
        incident(reporter, grids.get(0), building, "safety", "3栋楼道堆放纸箱，堵塞消防通道", "grid-worker",
                IncidentState.REPORTED, 1, now.minusHours(1), null);
        incident(reporter, grids.get(0), building, "fire-hazard", "地下车库电动车飞线充电", "property-staff",
                IncidentState.IN_PROGRESS, 1, now.minusHours(5), null);
        incident(reporter, grids.get(0), building, "neighbour-dispute", "楼上噪音扰民，多次协商未果", "grid-worker",
                IncidentState.IN_PROGRESS, 2, now.minusDays(2), null);
        incident(reporter, grids.get(0), building, "city-management", "小区门口占道经营", "partner-staff",
                IncidentState.ACKNOWLEDGED, 3, now.minusDays(4), null);
        incident(reporter, grids.get(0), building, "neighbour-dispute", "空调外机滴水纠纷", "grid-worker",
                IncidentState.CLOSED, 1, now.minusDays(10), Settlement.BUILDING);
    }

    private static void member(Grid grid, String name, GridRole role, Long building) {
        Person person = Person.<Person> find("name", name).firstResult();
        if (person != null) {
            GridMember m = new GridMember();
            m.gridId = grid.id;
            m.personId = person.id;
            m.role = role;
            m.buildingId = building;
            m.persist();
        }
    }

    private static void incident(Person reporter, Grid grid, Long building, String category, String description,
            String role, IncidentState state, int level, OffsetDateTime reportedAt, Settlement settled) {
        Incident i = new Incident();
        i.category = category;
        i.description = description;
        i.buildingId = building;
        i.reporterPersonId = reporter.id;
        i.gridId = grid.id;
        i.routedRole = role;
        i.state = state;
        i.level = level;
        i.reportedAt = reportedAt;
        i.updatedAt = reportedAt;
        i.levelDeadline = OffsetDateTime.now().plusDays(level);
        if (state != IncidentState.REPORTED) {
            i.acknowledgedAt = reportedAt.plusMinutes(20);
        }
        if (state == IncidentState.CLOSED) {
            i.resolvedAt = reportedAt.plusDays(1);
            i.closedAt = reportedAt.plusDays(2);
            i.settledAt = settled;
            i.rating = 5;
        }
        i.persist();
        IncidentEvent e = new IncidentEvent();
        e.incidentId = i.id;
        e.at = reportedAt;
        e.actor = "demo seed";
        e.action = IncidentAction.REPORTED;
        e.level = 1;
        e.stateAfter = IncidentState.REPORTED;
        e.persist();
    }
}
