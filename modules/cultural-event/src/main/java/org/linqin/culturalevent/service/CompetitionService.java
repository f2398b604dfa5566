package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.culturalevent.model.CompetitionItem;
import org.linqin.culturalevent.model.CompetitionResult;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.EventTeam;
import org.linqin.culturalevent.model.EventTeamMember;
import org.linqin.culturalevent.service.EventInputs.NewItem;
import org.linqin.culturalevent.service.EventInputs.NewResult;
import org.linqin.culturalevent.service.EventInputs.NewTeam;
import org.linqin.grid.spi.GridDirectory.GridRef;

/**
 * Teams formed per grid (以网格为单位自主成队), competition items, results and the leaderboard of an event. Where the
 * grid module is on, a team names its grid and its captain and members live in the grid's buildings.
 */
@ApplicationScoped
public class CompetitionService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_IN_GRID = "NOT_IN_GRID";
    public static final String IN_ANOTHER_TEAM = "IN_ANOTHER_TEAM";

    /** A team's place on the leaderboard. */
    public record Standing(int rank, EventTeam team, long points, long firstPlaces, long results) {
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    Lookup lookup;

    @Inject
    OwnRecord ownRecord;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    EventAccess access;

    @Inject
    EventNeighbours neighbours;

    /** Forms a team with the caller as captain (and first member). */
    @Transactional
    public EventTeam form(NewTeam input) {
        inputs.validate("input", input);
        Person me = ownRecord.require(Msg.of("event.need.teamsFormed"));
        CulturalEvent event = openEvent(input.eventId());
        EventTeam team = new EventTeam();
        if (neighbours.isEnabled(EventNeighbours.GRID)) {
            if (input.gridId() == null) {
                throw ValidationFailedException.of("input.gridId", Msg.of("event.competition.teamsFormedPerGrid"));
            }
            GridRef grid = neighbours.requireGrid(input.gridId());
            requireLivesIn(me, grid);
            team.gridId = grid.id();
            team.gridName = grid.name();
        } else if (input.gridId() != null) {
            neighbours.requireGrid(input.gridId()); // MODULE_DISABLED
        }
        String name = input.name().strip();
        if (EventTeam.count("eventId = ?1 and name = ?2", event.id, name) > 0) {
            throw new ConflictException(Msg.of("event.competition.eventHasTeamNamed", name)).withReason("NAME_TAKEN");
        }
        team.eventId = event.id;
        team.name = name;
        team.captainPersonId = me.id;
        team.createdAt = OffsetDateTime.now();
        team.persist();
        addMember(team, me);
        audit.record(context.require(), "event.team-formed", "event-team", team.id,
                Map.of("event", event.id, "grid", team.gridId == null ? "" : team.gridId));
        return team;
    }

    /** The captain or an organiser adds a person to the team (the person themself: joins). */
    @Transactional
    public EventTeamMember add(Long teamId, Long personId) {
        EventTeam team = lookup.require(EventTeam.class, teamId, Msg.of("event.thing.team"));
        openEvent(team.eventId);
        Person person = lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        boolean self = ownRecord.find().map(p -> p.id.equals(person.id)).orElse(false);
        if (!self && !isCaptain(team) && !access.organises()) {
            throw new ForbiddenException(Msg.of("event.competition.membersAddedTeamS"));
        }
        if (team.gridId != null) {
            requireLivesIn(person, new GridRef(team.gridId, team.gridName));
        }
        return addMember(team, person);
    }

    @Transactional
    public EventTeamMember remove(Long teamId, Long personId) {
        EventTeam team = lookup.require(EventTeam.class, teamId, Msg.of("event.thing.team"));
        openEvent(team.eventId);
        boolean self = ownRecord.find().map(p -> p.id.equals(personId)).orElse(false);
        if (!self && !isCaptain(team) && !access.organises()) {
            throw new ForbiddenException(Msg.of("event.competition.membersRemovedTeamS"));
        }
        if (team.captainPersonId.equals(personId)) {
            throw new ConflictException(Msg.of("event.competition.captainStaysTeam")).withReason("CAPTAIN");
        }
        EventTeamMember member = EventTeamMember.<EventTeamMember> find("teamId = ?1 and personId = ?2", team.id,
                personId).firstResultOptional().orElseThrow(() -> new NotFoundException(
                        Msg.of("event.thing.memberTeam"), personId));
        member.delete();
        return member;
    }

    private EventTeamMember addMember(EventTeam team, Person person) {
        Optional<EventTeamMember> other = EventTeamMember.find("eventId = ?1 and personId = ?2", team.eventId,
                person.id).firstResultOptional();
        if (other.isPresent()) {
            throw new ConflictException(Msg.of("event.competition.teamEvent", person.name)).withReason(IN_ANOTHER_TEAM);
        }
        EventTeamMember member = new EventTeamMember();
        member.eventId = team.eventId;
        member.teamId = team.id;
        member.personId = person.id;
        member.joinedAt = OffsetDateTime.now();
        member.persist();
        return member;
    }

    private void requireLivesIn(Person person, GridRef grid) {
        GridRef home = person.building == null ? null
                : neighbours.gridsOfBuildings(List.of(person.building.id)).get(person.building.id);
        if (home == null || home.id() != grid.id()) {
            throw new ConflictException(Msg.of("event.competition.doesNotLiveGrid", person.name, grid.name()))
                    .withReason(NOT_IN_GRID);
        }
    }

    private boolean isCaptain(EventTeam team) {
        return ownRecord.find().map(p -> p.id.equals(team.captainPersonId)).orElse(false);
    }

    private CulturalEvent openEvent(Long eventId) {
        CulturalEvent event = lookup.require(CulturalEvent.class, eventId, Msg.of("event.thing.culturalEvent"));
        EventService.requireState(event, Msg.of("event.verb.changed"), EventState.PUBLISHED);
        return event;
    }

    @Transactional
    public CompetitionItem addItem(NewItem input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.competitionItemsAdded"));
        CulturalEvent event = openEvent(input.eventId());
        String name = input.name().strip();
        if (CompetitionItem.count("eventId = ?1 and name = ?2", event.id, name) > 0) {
            throw new ConflictException(Msg.of("event.competition.eventHasItemNamed", name)).withReason("NAME_TAKEN");
        }
        CompetitionItem item = new CompetitionItem();
        item.eventId = event.id;
        item.name = name;
        item.kind = input.kind();
        item.createdAt = OffsetDateTime.now();
        item.persist();
        return item;
    }

    /** Records (or replaces) a team's result in an item; the team must be of the item's event. */
    @Transactional
    public CompetitionResult record(NewResult input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.resultsRecorded"));
        CompetitionItem item = lookup.require(CompetitionItem.class, input.itemId(),
                Msg.of("event.thing.competitionItem"));
        EventTeam team = lookup.require(EventTeam.class, input.teamId(), Msg.of("event.thing.team"));
        if (!team.eventId.equals(item.eventId)) {
            throw new NotFoundException(Msg.of("event.thing.teamEvent"), input.teamId());
        }
        CulturalEvent event = lookup.require(CulturalEvent.class, item.eventId, Msg.of("event.thing.culturalEvent"));
        EventService.requireState(event, Msg.of("event.verb.scored"), EventState.PUBLISHED, EventState.CLOSED);
        CompetitionResult result = CompetitionResult.<CompetitionResult> find("itemId = ?1 and teamId = ?2", item.id,
                team.id).firstResultOptional().orElseGet(CompetitionResult::new);
        result.itemId = item.id;
        result.teamId = team.id;
        result.rank = input.rank();
        result.score = input.score() == null ? null : input.score().strip();
        result.points = input.points();
        result.recordedAt = OffsetDateTime.now();
        if (result.id == null) {
            result.persist();
        }
        audit.record(context.require(), "event.result-recorded", "event-item", item.id,
                Map.of("team", team.id, "rank", result.rank, "points", result.points));
        return result;
    }

    public List<EventTeam> teams(Long eventId) {
        CulturalEvent event = access.visible(CulturalEvent.findById(eventId), eventId);
        return EventTeam.list("eventId = ?1 order by id", event.id);
    }

    public List<CompetitionItem> items(Long eventId) {
        CulturalEvent event = access.visible(CulturalEvent.findById(eventId), eventId);
        return CompetitionItem.list("eventId = ?1 order by id", event.id);
    }

    /** Teams by points (then first places), ranks shared on ties; two statements. */
    public List<Standing> leaderboard(Long eventId) {
        CulturalEvent event = access.visible(CulturalEvent.findById(eventId), eventId);
        List<EventTeam> teams = EventTeam.list("eventId = ?1 order by id", event.id);
        Map<Long, long[]> totals = new java.util.HashMap<>();
        em.createQuery("select r.teamId, sum(r.points), sum(case when r.rank = 1 then 1 else 0 end), count(r) "
                + "from CompetitionResult r, CompetitionItem i where i.id = r.itemId and i.eventId = ?1 "
                + "group by r.teamId", Object[].class).setParameter(1, event.id).getResultList()
                .forEach(row -> totals.put((Long) row[0], new long[] {((Number) row[1]).longValue(),
                        ((Number) row[2]).longValue(), ((Number) row[3]).longValue()}));
        List<EventTeam> ordered = teams.stream().sorted((a, b) -> {
            long[] x = totals.getOrDefault(a.id, new long[3]);
            long[] y = totals.getOrDefault(b.id, new long[3]);
            return x[0] != y[0] ? Long.compare(y[0], x[0]) : x[1] != y[1] ? Long.compare(y[1], x[1])
                    : Long.compare(a.id, b.id);
        }).toList();
        List<Standing> standings = new java.util.ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            long[] t = totals.getOrDefault(ordered.get(i).id, new long[3]);
            int rank = i + 1;
            if (i > 0) {
                Standing previous = standings.get(i - 1);
                if (previous.points() == t[0] && previous.firstPlaces() == t[1]) {
                    rank = previous.rank();
                }
            }
            standings.add(new Standing(rank, ordered.get(i), t[0], t[1], t[2]));
        }
        return standings;
    }

    /** Results of the items, in one statement. */
    public List<CompetitionResult> results(List<Long> itemIds) {
        if (itemIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from CompetitionResult where itemId in ?1 order by itemId, rank, id",
                CompetitionResult.class).setParameter(1, itemIds).getResultList();
    }

    /** Members of the teams, in one statement. */
    public List<EventTeamMember> members(List<Long> teamIds) {
        if (teamIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from EventTeamMember where teamId in ?1 order by id", EventTeamMember.class)
                .setParameter(1, teamIds).getResultList();
    }
}
