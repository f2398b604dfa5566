package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventLink;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.LinkKind;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.service.EventInputs.Incident;
import org.linqin.culturalevent.service.EventInputs.Stewards;

/**
 * An event joined up with its neighbours: steward shifts of volunteer teams (e.g. 平安哨 at a 1,000-person event) and
 * incidents reported to the grid during it. Each link is kept with the event so it can list them.
 */
@ApplicationScoped
public class EventLinks {

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
    EventAccess access;

    @Inject
    EventNeighbours neighbours;

    /** Schedules a steward shift of a volunteer team for a sub-event; the caller leads the team (or is an admin). */
    @Transactional
    public EventLink scheduleStewards(Stewards input) {
        inputs.validate("input", input);
        // stewards scan the event's tickets and read its roster: organisers decide who they are
        access.requireOrganiser(Msg.of("event.need.stewardsScheduled"));
        SubEvent sub = lookup.require(SubEvent.class, input.subEventId(), Msg.of("event.thing.subEvent"));
        CulturalEvent event = lookup.require(CulturalEvent.class, sub.eventId, Msg.of("event.thing.culturalEvent"));
        EventService.requireState(event, Msg.of("event.verb.staffed"), EventState.DRAFT, EventState.PUBLISHED);
        int before = input.minutesBefore() == null ? 30 : input.minutesBefore();
        if (sub.startsAt.minusMinutes(before).plusHours(24).isBefore(sub.endsAt)) {
            throw ValidationFailedException.of("input.subEventId", Msg.of("event.eventLinks.stewardShiftLastsMost"));
        }
        String position = input.position() == null || input.position().isBlank() ? "活动保障" : input.position().strip();
        String title = event.title + " · " + sub.title;
        long shiftId = neighbours.scheduleStewards(input.teamId(), title.substring(0, Math.min(title.length(), 200)),
                sub.startsAt.minusMinutes(before), sub.endsAt, sub.venueName, position, input.peopleNeeded());
        EventLink link = link(event, sub, LinkKind.STEWARD_SHIFT, shiftId);
        link.teamId = input.teamId();
        link.persist();
        audit.record(context.require(), "event.stewards-scheduled", "cultural-event", event.id,
                Map.of("shift", shiftId, "team", input.teamId()));
        return link;
    }

    /** Reports an incident during a sub-event to the grid, as the caller; the incident names the event. */
    @Transactional
    public EventLink reportIncident(Incident input) {
        inputs.validate("input", input);
        if (EventInputs.holdsNull(input.photoUrls())) {
            throw ValidationFailedException.of("input.photoUrls", Msg.of("event.eventLinks.mayNotHoldNull"));
        }
        ownRecord.require(Msg.of("event.need.incidentsReported"));
        SubEvent sub = lookup.require(SubEvent.class, input.subEventId(), Msg.of("event.thing.subEvent"));
        CulturalEvent event = access.visible(CulturalEvent.findById(sub.eventId), sub.eventId);
        EventService.requireState(event, Msg.of("event.verb.reported"), EventState.PUBLISHED);
        String description = "【" + event.title + " · " + sub.title + "】" + input.description().strip();
        long incidentId = neighbours.reportIncident(input.category(), description.length() > 4000
                ? description.substring(0, 4000) : description, Optional.ofNullable(sub.placeId),
                input.photoUrls() == null ? List.of() : input.photoUrls());
        EventLink link = link(event, sub, LinkKind.INCIDENT, incidentId);
        link.persist();
        return link;
    }

    private static EventLink link(CulturalEvent event, SubEvent sub, LinkKind kind, long targetId) {
        EventLink link = new EventLink();
        link.eventId = event.id;
        link.subEventId = sub.id;
        link.kind = kind;
        link.targetId = targetId;
        link.createdAt = OffsetDateTime.now();
        return link;
    }

    /** The event's links, for organisers. */
    public List<EventLink> links(Long eventId) {
        access.requireOrganiser(Msg.of("event.need.eventSShiftsIncidents"));
        lookup.require(CulturalEvent.class, eventId, Msg.of("event.thing.culturalEvent"));
        return EventLink.list("eventId = ?1 order by id", eventId);
    }
}
