package org.linqin.grid.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.module.ModuleService;
import org.linqin.grid.GridModule;
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

    @Inject
    ModuleService modules;

    @Override
    public List<GridRef> grids() {
        return Grid.<Grid> list("order by id").stream().map(g -> new GridRef(g.id, g.name)).toList();
    }

    @Override
    public Optional<GridRef> grid(long id) {
        return Grid.<Grid> findByIdOptional(id).map(g -> new GridRef(g.id, g.name));
    }

    @Override
    public List<Long> buildingsOf(long gridId) {
        return Grid.<Grid> findByIdOptional(gridId).map(g -> List.copyOf(g.buildingIds)).orElse(List.of());
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

    @Override
    public List<String> categories() {
        return modules.settings(GridModule.ID).list(GridModule.CATEGORIES);
    }

    @Override
    public List<CategoryCount> incidentsByGridAndCategory(OffsetDateTime since) {
        return em.createQuery("select g.id, g.name, i.category, count(i), count(distinct year(i.reportedAt) * 100"
                + " + month(i.reportedAt)) from Incident i join Grid g on g.id = i.gridId where i.reportedAt >= ?1"
                + " group by g.id, g.name, i.category order by g.id, count(i) desc, i.category", Object[].class)
                .setParameter(1, since).getResultList().stream()
                .map(r -> new CategoryCount((Long) r[0], (String) r[1], (String) r[2], (Long) r[3],
                        ((Number) r[4]).intValue()))
                .toList();
    }

    @Override
    public long raiseWhistle(String category, String description, Long buildingId, long reporterPersonId,
            String actor, String department, LocalDate dueOn) {
        return incidents.raiseWhistle(new NewIncident(category, description, buildingId, null, null, null),
                reporterPersonId, actor, department, dueOn).id;
    }
}
