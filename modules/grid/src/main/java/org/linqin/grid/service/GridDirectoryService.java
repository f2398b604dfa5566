package org.linqin.grid.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.grid.model.Grid;
import org.linqin.grid.service.IncidentInputs.NewIncident;
import org.linqin.grid.spi.GridDirectory;

/** The grid module's published interface, for other modules. */
@ApplicationScoped
public class GridDirectoryService implements GridDirectory {

    @Inject
    IncidentService incidents;

    @Inject
    EntityManager em;

    @Override
    public List<GridRef> grids() {
        return Grid.<Grid> list("order by id").stream().map(g -> new GridRef(g.id, g.name)).toList();
    }

    @Override
    public Optional<GridRef> grid(long id) {
        return Grid.<Grid> findByIdOptional(id).map(g -> new GridRef(g.id, g.name));
    }

    @Override
    public Map<Long, GridRef> gridsOfBuildings(Collection<Long> buildingIds) {
        if (buildingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, GridRef> grids = new HashMap<>();
        em.createQuery("select b, g.id, g.name from Grid g join g.buildingIds b where b in ?1", Object[].class)
                .setParameter(1, buildingIds).getResultList()
                .forEach(row -> grids.put((Long) row[0], new GridRef((Long) row[1], (String) row[2])));
        return grids;
    }

    @Override
    public long reportIncident(String category, String description, Long buildingId, List<String> photoUrls) {
        return incidents.report(new NewIncident(category, description, buildingId, null, null, photoUrls)).id;
    }

    @Override
    public long reportIncidentAtPlace(String category, String description, Long placeId, List<String> photoUrls) {
        return incidents.report(new NewIncident(category, description, null, null, placeId, photoUrls)).id;
    }
}
