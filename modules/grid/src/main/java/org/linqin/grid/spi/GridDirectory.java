package org.linqin.grid.spi;

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

    /** The grid each of the buildings lies in, for those that lie in one; one statement. */
    Map<Long, GridRef> gridsOfBuildings(Collection<Long> buildingIds);

    /**
     * Reports an incident as the calling person, exactly as the grid's {@code reportIncident} does (routing, live
     * updates, audit), in the caller's transaction. @return the incident's id
     */
    long reportIncident(String category, String description, Long buildingId, List<String> photoUrls);

    /** As {@link #reportIncident(String, String, Long, List)}, at a named place of the community (a square). */
    long reportIncidentAtPlace(String category, String description, Long placeId, List<String> photoUrls);
}
