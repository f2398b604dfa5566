package org.linqin.grid.spi;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the grid module offers other modules (published interface: other modules call this, never the grid's
 * internals). Call it only where the grid module is enabled in the addressed community; the caller checks that with
 * {@code EnabledModules} and degrades gracefully otherwise.
 */
public interface GridDirectory {

    /** A grid of the addressed community: id and name. */
    record GridRef(long id, String name) {
    }

    /** The addressed community's grids, by id. */
    List<GridRef> grids();

    /** The grid, if the addressed community has it. */
    Optional<GridRef> grid(long id);

    /** The buildings of the grid; empty if the addressed community has no such grid. */
    List<Long> buildingsOf(long gridId);

    /** The grid each of the buildings lies in, for those that lie in one; one statement. */
    Map<Long, GridRef> gridsOfBuildings(Collection<Long> buildingIds);

    /**
     * Reports an incident as the calling person, exactly as the grid's {@code reportIncident} does (routing, live
     * updates, audit), in the caller's transaction. @return the incident's id
     */
    long reportIncident(String category, String description, Long buildingId, List<String> photoUrls);

    /** As {@link #reportIncident(String, String, Long, List)}, at a named place of the community (a square). */
    long reportIncidentAtPlace(String category, String description, Long placeId, List<String> photoUrls);

    /** The incident categories of the addressed community (the grid module's {@code categories} setting). */
    List<String> categories();

    /** How often a category of incidents arose in a grid: incidents and the distinct months they arose in. */
    record CategoryCount(long gridId, String gridName, String category, long incidents, int months) {
    }

    /** Incidents reported since the time, by grid and category (incidents outside any grid left out); one statement. */
    List<CategoryCount> incidentsByGridAndCategory(OffsetDateTime since);

    /**
     * Raises an incident straight to level 3 (the whistle, 吹哨) with one department summoned and its due date, for
     * work of another module that went overdue: reported in the name of a person of the community by {@code actor}
     * (e.g. "system (four-lists task overdue)"), with the grid's routing, live updates and audit, in the caller's
     * transaction. @return the incident's id
     */
    long raiseWhistle(String category, String description, Long buildingId, long reporterPersonId, String actor,
            String department, LocalDate dueOn);
}
