package org.linqin.grid.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.i18n.Msg;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Place;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.module.ModuleService;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.grid.GridModule;
import org.linqin.grid.model.Grid;
import org.linqin.grid.model.GridMember;
import org.linqin.grid.model.Incident;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentEvent;
import org.linqin.grid.model.IncidentState;
import org.linqin.grid.model.JointMeeting;
import org.linqin.grid.model.Settlement;
import org.linqin.grid.model.Summons;
import org.linqin.grid.service.IncidentInputs.NewIncident;
import org.linqin.grid.service.IncidentInputs.NewMeeting;
import org.linqin.grid.service.IncidentInputs.NewWhistle;

/**
 * Incidents of the addressed community: reporting and routing, the three-level response with its timeline, rating,
 * and who sees what. Every change is told to every replica's subscribers when it commits.
 */
@ApplicationScoped
public class IncidentService {

    public static final String NEIGHBOUR_DISPUTE = "neighbour-dispute";

    /** Filters of the incident list. */
    public record Filter(IncidentState state, String category, Integer level, Long gridId, OffsetDateTime changedSince) {
    }

    @Inject
    CommunityContext context;

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    CurrentViewer currentViewer;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    @Inject
    IncidentChanges changes;

    /** The caller as a viewer of incidents in the addressed community (worked out once per request). */
    public Viewer viewer() {
        return currentViewer.get(() -> viewerOf(ownRecord.find().orElse(null), caller.roles()));
    }

    /** A viewer from an identity's subject and roles, in the community of the current scope. */
    public Viewer viewerOf(String subject, Set<String> roles) {
        return viewerOf(subject == null ? null : Person.findBySubject(subject), roles);
    }

    private static Viewer viewerOf(Person me, Set<String> roles) {
        Long personId = me == null ? -1L : me.id;
        List<Long> grids = me == null ? List.of()
                : GridMember.<GridMember> list("personId", me.id).stream().map(m -> m.gridId).distinct().toList();
        return new Viewer(personId, Set.copyOf(roles), grids);
    }

    @Transactional
    public Incident report(NewIncident input) {
        Person reporter = ownRecord.require(Msg.of("grid.need.incidentsReported"));
        return create(input, reporter.id, caller.actor());
    }

    /**
     * Raises an incident straight to level 3 with one department summoned: another module's escalation of work that
     * went overdue (published through {@code GridDirectory.raiseWhistle}), reported in the name of a person of the
     * community by the system, in the caller's transaction.
     */
    @Transactional
    public Incident raiseWhistle(NewIncident input, long reporterPersonId, String actor, String department,
            LocalDate dueOn) {
        if (department == null || department.isBlank() || department.length() > 200 || dueOn == null) {
            throw ValidationFailedException.of("department", Msg.of("grid.incident.mustCharactersDueDate"));
        }
        Incident incident = create(input, reporterPersonId, actor);
        OffsetDateTime now = OffsetDateTime.now();
        incident.level = 3;
        incident.levelDeadline = now.plusMinutes(
                modules.settings(GridModule.ID).integer(GridModule.LEVEL_DEADLINES.get(2)));
        Summons summons = new Summons();
        summons.incidentId = incident.id;
        summons.department = department.trim();
        summons.dueOn = dueOn;
        summons.persist();
        event(incident, IncidentAction.WHISTLE_BLOWN, actor, "summoned: " + summons.department + " (" + dueOn + ")");
        audit.record(context.require(), "incident.whistle", "incident", incident.id, Map.of("by", actor));
        return incident;
    }

    private Incident create(NewIncident input, long reporterPersonId, String actor) {
        String community = context.require();
        inputs.validate("input", input);
        if (input.photoUrls() != null && input.photoUrls().stream().anyMatch(java.util.Objects::isNull)) {
            throw ValidationFailedException.of("input.photoUrls", Msg.of("grid.incident.mayNotHoldNull"));
        }
        ModuleSettings settings = modules.settings(GridModule.ID);
        List<String> categories = settings.list(GridModule.CATEGORIES);
        if (!categories.contains(input.category())) {
            throw ValidationFailedException.of("input.category", Msg.of("grid.incident.mustOne", categories));
        }
        Incident incident = new Incident();
        incident.category = input.category();
        incident.description = input.description();
        if (input.buildingId() != null) {
            Building building = Building.findById(input.buildingId());
            if (building == null) {
                throw new NotFoundException(Msg.of("core.thing.building"), input.buildingId());
            }
            incident.buildingId = building.id;
            incident.unit = input.unit();
            Grid grid = Grid.find("?1 member of buildingIds", building.id).firstResult();
            incident.gridId = grid == null ? null : grid.id;
        }
        if (input.placeId() != null) {
            if (Place.findById(input.placeId()) == null) {
                throw new NotFoundException(Msg.of("core.thing.place"), input.placeId());
            }
            incident.placeId = input.placeId();
        }
        incident.photoUrls = input.photoUrls() == null ? new ArrayList<>() : new ArrayList<>(input.photoUrls());
        incident.reporterPersonId = reporterPersonId;
        Routing.Route route = Routing.parse(settings.string(GridModule.ROUTING)).routeOf(input.category());
        incident.routedRole = route.role();
        incident.routedUnitId = route.unitId();
        incident.state = IncidentState.REPORTED;
        incident.level = 1;
        OffsetDateTime now = OffsetDateTime.now();
        incident.reportedAt = now;
        incident.updatedAt = now;
        incident.levelDeadline = now.plusMinutes(settings.integer(GridModule.LEVEL_DEADLINES.get(0)));
        incident.persist();
        event(incident, IncidentAction.REPORTED, actor, "routed to " + route.role()
                + (route.unitId() == null ? "" : " of unit " + route.unitId()));
        audit.record(community, "incident.reported", "incident", incident.id, Map.of("category", incident.category));
        return incident;
    }

    @Transactional
    public Incident act(Long id, IncidentAction action, String note, Settlement settledAt) {
        if (note != null && note.length() > 4000) {
            throw ValidationFailedException.of("note", Msg.of("grid.incident.mustMostCharacters"));
        }
        Incident incident = handled(id);
        IncidentState next = IncidentStateMachine.next(incident.state, action, incident.level);
        OffsetDateTime now = OffsetDateTime.now();
        switch (action) {
            case ACKNOWLEDGED -> incident.acknowledgedAt = now;
            case RESOLVED -> {
                if (NEIGHBOUR_DISPUTE.equals(incident.category) && settledAt == null) {
                    throw ValidationFailedException.of("settledAt",
                            Msg.of("grid.incident.neighbourDisputeRecordsWhere"));
                }
                incident.resolvedAt = now;
                incident.settledAt = settledAt;
            }
            case CLOSED -> incident.closedAt = now;
            case REOPENED -> {
                incident.resolvedAt = null;
                incident.closedAt = null;
            }
            case ESCALATED -> raiseLevel(incident, now);
            default -> {
            }
        }
        incident.state = next;
        incident.updatedAt = now;
        event(incident, action, caller.actor(), note);
        audit.record(incident.communityCode, "incident." + action.name().toLowerCase(), "incident", id, Map.of());
        return incident;
    }

    /** Level 2: the community party committee records the joint meeting it convened. */
    @Transactional
    public Incident recordJointMeeting(Long id, NewMeeting input) {
        inputs.validate("input", input);
        Incident incident = committeeAction(id, 2, IncidentAction.JOINT_MEETING);
        JointMeeting meeting = new JointMeeting();
        meeting.incidentId = incident.id;
        meeting.heldAt = input.heldAt();
        meeting.parties = new ArrayList<>(input.parties());
        meeting.minutes = input.minutes();
        meeting.decisions = input.decisions();
        meeting.actions = input.actions() == null ? new ArrayList<>() : new ArrayList<>(input.actions());
        meeting.persist();
        event(incident, IncidentAction.JOINT_MEETING, caller.actor(), "parties: " + String.join("、", input.parties()));
        audit.record(incident.communityCode, "incident.joint-meeting", "incident", id, Map.of());
        return incident;
    }

    /** Level 3: the committee blows the whistle and summons departments, each with a due date. */
    @Transactional
    public Incident blowWhistle(Long id, NewWhistle input) {
        inputs.validate("input", input);
        Incident incident = committeeAction(id, 3, IncidentAction.WHISTLE_BLOWN);
        List<String> names = new ArrayList<>();
        input.departments().forEach(d -> {
            Summons summons = new Summons();
            summons.incidentId = incident.id;
            summons.department = d.department().trim();
            summons.dueOn = d.dueOn();
            summons.persist();
            names.add(summons.department + " (" + d.dueOn() + ")");
        });
        event(incident, IncidentAction.WHISTLE_BLOWN, caller.actor(),
                "summoned: " + String.join("、", names) + (input.note() == null ? "" : "; " + input.note()));
        audit.record(incident.communityCode, "incident.whistle", "incident", id, Map.of());
        return incident;
    }

    @Transactional
    public Incident respond(Long summonsId, String response) {
        if (response == null || response.isBlank() || response.length() > 4000) {
            throw ValidationFailedException.of("response", Msg.of("grid.incident.mustCharacters"));
        }
        context.require();
        Summons summons = summonsId == null ? null : Summons.findById(summonsId);
        if (summons == null) {
            throw new NotFoundException(Msg.of("grid.thing.summons"), summonsId);
        }
        Incident incident = handled(summons.incidentId);
        if (!IncidentStateMachine.isOpen(incident.state)) {
            throw new org.linqin.core.graphql.ConflictException(Msg.of("grid.incident.cannotRespond", incident.state));
        }
        summons.response = response.trim();
        summons.respondedAt = OffsetDateTime.now();
        incident.updatedAt = summons.respondedAt;
        event(incident, IncidentAction.DEPARTMENT_RESPONDED, caller.actor(), summons.department + ": " + summons.response);
        audit.record(incident.communityCode, "incident.department-responded", "incident", incident.id, Map.of());
        return incident;
    }

    /** The reporter rates the resolution, 1 to 5. */
    @Transactional
    public Incident rate(Long id, int rating, String comment) {
        Incident incident = visible(id);
        if (!incident.reporterPersonId.equals(viewer().personId())) {
            throw new ForbiddenException(Msg.of("grid.incident.onlyReporterRatesIncident"));
        }
        IncidentStateMachine.next(incident.state, IncidentAction.RATED, incident.level);
        if (rating < 1 || rating > 5) {
            throw ValidationFailedException.of("rating", Msg.of("grid.incident.must"));
        }
        incident.rating = rating;
        incident.ratingComment = comment;
        incident.updatedAt = OffsetDateTime.now();
        event(incident, IncidentAction.RATED, caller.actor(), rating + (comment == null ? "" : ": " + comment));
        return incident;
    }

    /**
     * Escalates an open incident past its deadline by itself (level 1 → 2 → 3) or marks a level-3 one overdue, and
     * says so in the timeline. Runs in the caller's transaction with the incident row locked.
     */
    public void escalateOverdue(Incident incident, OffsetDateTime now) {
        if (incident.level < 3) {
            raiseLevel(incident, now);
            event(incident, IncidentAction.AUTO_ESCALATED, "system (deadline passed)",
                    "deadline of level " + (incident.level - 1) + " passed");
        } else {
            incident.overdue = true;
            event(incident, IncidentAction.OVERDUE, "system (deadline passed)", "deadline of level 3 passed");
        }
        incident.updatedAt = now;
    }

    public Incident visible(Long id) {
        context.require();
        Incident incident = id == null ? null : Incident.findById(id);
        if (incident == null || !viewer().sees(incident)) {
            throw new NotFoundException(Msg.of("grid.thing.incident"), id);
        }
        return incident;
    }

    public Connection<Incident> list(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        visibleTo(viewer(), conditions, params);
        if (filter.state() != null) {
            conditions.add("e.state = :state");
            params.put("state", filter.state());
        }
        if (filter.category() != null) {
            conditions.add("e.category = :category");
            params.put("category", filter.category());
        }
        if (filter.level() != null) {
            conditions.add("e.level = :level");
            params.put("level", filter.level());
        }
        if (filter.gridId() != null) {
            conditions.add("e.gridId = :grid");
            params.put("grid", filter.gridId());
        }
        if (filter.changedSince() != null) {
            conditions.add("e.updatedAt >= :since");
            params.put("since", filter.changedSince());
        }
        return pagination.page(Incident.class, conditions.isEmpty() ? null : String.join(" and ", conditions), params,
                page, i -> i);
    }

    /**
     * The incidents {@code viewer} may see that changed at or after {@code since}, oldest change first, in one query:
     * what a live subscriber missed while it was away. More than {@code atMost} is refused, naming the way out.
     */
    public List<Incident> changedSince(Viewer viewer, OffsetDateTime since, int atMost) {
        List<String> conditions = new ArrayList<>(List.of("e.updatedAt >= :since"));
        Map<String, Object> params = new HashMap<>(Map.of("since", since));
        visibleTo(viewer, conditions, params);
        List<Incident> changed = Incident.<Incident> find("from Incident e where " + String.join(" and ", conditions)
                + " order by e.updatedAt, e.id", params).range(0, atMost).list();
        if (changed.size() > atMost) {
            throw ValidationFailedException.of("changedSince", Msg.of("grid.incident.tooManyChangedSince", atMost));
        }
        return changed;
    }

    /** Adds what {@code viewer} may see (on incidents as {@code e}) to a query's conditions and parameters. */
    private static void visibleTo(Viewer viewer, List<String> conditions, Map<String, Object> params) {
        String visibility = viewer.condition();
        if (visibility != null) {
            conditions.add(visibility);
            params.put("viewer", viewer.personId());
            if (visibility.contains(":viewerGrids")) {
                params.put("viewerGrids", viewer.gridIds());
            }
        }
    }

    /** Timelines of several incidents in one query, in the order of {@code incidentIds}. */
    public List<List<IncidentEvent>> timelines(List<Long> incidentIds) {
        Map<Long, List<IncidentEvent>> byIncident = new HashMap<>();
        IncidentEvent.<IncidentEvent> list("incidentId in ?1 order by at, id", incidentIds)
                .forEach(e -> byIncident.computeIfAbsent(e.incidentId, k -> new ArrayList<>()).add(e));
        return incidentIds.stream().map(id -> byIncident.getOrDefault(id, List.of())).toList();
    }

    private Incident handled(Long id) {
        Incident incident = visible(id);
        if (!viewer().handles(incident)) {
            throw new ForbiddenException(Msg.of("grid.incident.yourRolesCommunityDo"));
        }
        return incident;
    }

    private Incident committeeAction(Long id, int level, IncidentAction action) {
        Incident incident = visible(id);
        if (!viewer().isCommittee()) {
            throw new ForbiddenException(Msg.of("grid.incident.onlyCommunityCommitteeConvenes"));
        }
        IncidentStateMachine.next(incident.state, action, incident.level);
        if (incident.level != level) {
            throw new org.linqin.core.graphql.ConflictException(level == 2
                    ? Msg.of("grid.incident.jointMeetingLevel", incident.level, level)
                    : Msg.of("grid.incident.whistleLevel", incident.level, level));
        }
        incident.updatedAt = OffsetDateTime.now();
        return incident;
    }

    private void raiseLevel(Incident incident, OffsetDateTime now) {
        incident.level++;
        incident.levelDeadline = now.plusMinutes(
                modules.settings(GridModule.ID).integer(GridModule.LEVEL_DEADLINES.get(incident.level - 1)));
    }

    private void event(Incident incident, IncidentAction action, String actor, String note) {
        IncidentEvent event = new IncidentEvent();
        event.incidentId = incident.id;
        event.at = OffsetDateTime.now();
        event.actor = actor;
        event.action = action;
        event.level = incident.level;
        event.stateAfter = incident.state;
        event.note = note;
        event.persist();
        // the tenant column of a new incident is filled only when it is flushed: take the addressed community
        changes.publish(context.require(), incident.id);
    }
}
