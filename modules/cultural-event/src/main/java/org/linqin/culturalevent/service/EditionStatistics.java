package org.linqin.culturalevent.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.signup.SignUpState;
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventSeries;
import org.linqin.grid.spi.GridDirectory.GridRef;

/**
 * Figures of events, editions of a series side by side (year on year): sub-events, tickets and people registered,
 * people checked in, teams, and people by grid and by age group. A fixed number of statements for any number of
 * editions.
 */
@ApplicationScoped
public class EditionStatistics {

    static final List<SignUpState> ATTENDING = List.of(SignUpState.CONFIRMED, SignUpState.NO_SHOW);

    /** People of a group (a grid, an age group). */
    public record Share(String key, String name, long people) {
    }

    public record Figures(CulturalEvent event, long subEvents, long tickets, long registeredPeople,
            long checkedInPeople, long teams, List<Share> byGrid, List<Share> byAgeGroup) {
    }

    @Inject
    EntityManager em;

    @Inject
    EventAccess access;

    @Inject
    EventService events;

    @Inject
    EventNeighbours neighbours;

    /** The series' editions by year. */
    public List<Figures> editions(Long seriesId) {
        EventSeries series = events.series(seriesId);
        List<CulturalEvent> editions = em.createQuery("from CulturalEvent where seriesId = ?1 order by editionYear",
                CulturalEvent.class).setParameter(1, series.id).getResultList().stream()
                .filter(access::maySee).toList();
        return of(editions);
    }

    public Figures of(Long eventId) {
        return of(List.of(events.event(eventId))).get(0);
    }

    private List<Figures> of(List<CulturalEvent> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(e -> e.id).toList();
        Map<Long, Long> subEvents = counts("select s.eventId, count(s) from SubEvent s where s.eventId in ?1 "
                + "and s.cancelled = false group by s.eventId", ids);
        Map<Long, Long> teams = counts("select t.eventId, count(t) from EventTeam t where t.eventId in ?1 "
                + "group by t.eventId", ids);
        Map<Long, Long> checkedIn = counts("select r.eventId, sum(r.partySize) from Registration r where r.eventId "
                + "in ?1 and exists (select 1 from CheckIn c where c.registrationId = r.id) group by r.eventId", ids);
        Map<Long, Map<String, long[]>> byAge = new HashMap<>();
        em.createQuery("select r.eventId, t.ageGroup, count(r), sum(r.partySize) from Registration r, TicketKind t, "
                + "SignUp s where t.id = r.ticketKindId and s.id = r.signUpId and s.state in ?2 and r.eventId in ?1 "
                + "group by r.eventId, t.ageGroup", Object[].class).setParameter(1, ids).setParameter(2, ATTENDING)
                .getResultList().forEach(row -> byAge.computeIfAbsent((Long) row[0], k -> new LinkedHashMap<>())
                        .put(((AgeGroup) row[1]).name(), new long[] {((Number) row[2]).longValue(),
                                ((Number) row[3]).longValue()}));
        List<Object[]> byBuilding = em.createQuery("select r.eventId, p.building.id, sum(r.partySize) from "
                + "Registration r, Person p, SignUp s where p.id = r.personId and s.id = r.signUpId and s.state in ?2 "
                + "and r.eventId in ?1 group by r.eventId, p.building.id", Object[].class).setParameter(1, ids)
                .setParameter(2, ATTENDING).getResultList();
        Map<Long, GridRef> grids = neighbours.gridsOfBuildings(byBuilding.stream().map(row -> (Long) row[1])
                .filter(id -> id != null).distinct().toList());
        List<Figures> figures = new ArrayList<>();
        for (CulturalEvent event : list) {
            Map<String, long[]> ages = byAge.getOrDefault(event.id, Map.of());
            Map<GridRef, Long> gridPeople = byBuilding.stream().filter(row -> row[0].equals(event.id)
                    && row[1] != null && grids.containsKey((Long) row[1])).collect(Collectors.groupingBy(
                            row -> grids.get((Long) row[1]), LinkedHashMap::new,
                            Collectors.summingLong(row -> ((Number) row[2]).longValue())));
            figures.add(new Figures(event, subEvents.getOrDefault(event.id, 0L),
                    ages.values().stream().mapToLong(v -> v[0]).sum(),
                    ages.values().stream().mapToLong(v -> v[1]).sum(), checkedIn.getOrDefault(event.id, 0L),
                    teams.getOrDefault(event.id, 0L),
                    gridPeople.entrySet().stream().map(g -> new Share(String.valueOf(g.getKey().id()),
                            g.getKey().name(), g.getValue())).toList(),
                    ages.entrySet().stream().map(a -> new Share(a.getKey(), a.getKey(), a.getValue()[1])).toList()));
        }
        return figures;
    }

    private Map<Long, Long> counts(String jpql, List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        em.createQuery(jpql, Object[].class).setParameter(1, ids).getResultList()
                .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        return counts;
    }
}
