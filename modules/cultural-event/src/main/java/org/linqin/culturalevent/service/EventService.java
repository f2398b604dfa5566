package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;
import org.linqin.booking.spi.RoomBookings;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.service.PlaceHolds;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Ids;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.graphql.ValidationFailedException.FieldError;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.people.model.Person;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.signup.OffersExpired;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.culturalevent.CulturalEventModule;
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.ClosingReport;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventCategory;
import org.linqin.culturalevent.model.EventSeries;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.Organiser;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationStage;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.model.TicketKind;
import org.linqin.culturalevent.model.Visibility;
import org.linqin.culturalevent.service.EventInputs.Closing;
import org.linqin.culturalevent.service.EventInputs.NewEvent;
import org.linqin.culturalevent.service.EventInputs.NewSeries;
import org.linqin.culturalevent.service.EventInputs.NewSubEvent;
import org.linqin.culturalevent.service.EventInputs.NewTicketKind;
import org.linqin.culturalevent.service.EventInputs.OrganiserInput;

/**
 * Events and series: drafting, publishing (venues booked or held in the same transaction, residents told),
 * cancelling (places and venues given back) and closing with the report.
 */
@ApplicationScoped
public class EventService {

    /** Refusal reason: closing an event before its last sub-event ended. */
    public static final String NOT_OVER = "NOT_OVER";
    static final String HOLDER = CulturalEventModule.ID + ":";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    CommunityContext context;

    @Inject
    CommunityDirectory directory;

    @Inject
    ModuleService modules;

    @Inject
    InputValidator inputs;

    @Inject
    Lookup lookup;

    @Inject
    Pagination pagination;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    SignUps signUps;

    @Inject
    PlaceHolds placeHolds;

    @Inject
    EventAccess access;

    @Inject
    EventNeighbours neighbours;

    @Inject
    EventChanges changes;

    @Transactional
    public EventSeries createSeries(NewSeries input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.seriesCreated"));
        String name = input.name().strip();
        if (EventSeries.count("name", name) > 0) {
            throw new ConflictException(Msg.of("event.event.seriesNamedExists", name)).withReason("NAME_TAKEN");
        }
        EventSeries series = new EventSeries();
        series.name = name;
        series.description = input.description();
        series.createdAt = OffsetDateTime.now();
        series.persist();
        audit.record(context.require(), "event.series-created", "event-series", series.id, Map.of("name", name));
        return series;
    }

    public EventSeries series(Long id) {
        return lookup.require(EventSeries.class, id, Msg.of("event.thing.eventSeries"));
    }

    public Connection<EventSeries> seriesPage(PageRequest page) {
        context.require();
        return pagination.page(EventSeries.class, null, Map.of(), page, s -> s);
    }

    /** Drafts an event with its sub-events and tickets; venues are taken when it is published. */
    @Transactional
    public CulturalEvent create(NewEvent input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.eventsCreated"));
        if (EventInputs.holdsNull(input.ageGroups()) || EventInputs.holdsNull(input.questions())
                || EventInputs.holdsNull(input.organisers()) || EventInputs.holdsNull(input.subEvents())
                || input.subEvents().stream().anyMatch(s -> EventInputs.holdsNull(s.ticketKinds()))
                || EventInputs.holdsNull(input.helperPersonIds())) {
            throw ValidationFailedException.of("input", Msg.of("event.event.listsMayNotHold"));
        }
        List<Long> helpers = Ids.parse("input.helperPersonIds",
                input.helperPersonIds() == null ? List.of() : input.helperPersonIds());
        helpers.forEach(id -> lookup.require(Person.class, id, Msg.of("core.thing.person")));
        List<Question> questions = input.questions() == null ? List.of() : input.questions();
        List<FieldError> errors = new ArrayList<>(Answers.checkQuestions(questions));
        if ((input.seriesId() == null) != (input.editionYear() == null)) {
            errors.add(new FieldError("input.editionYear", Msg.of("event.event.editionHasBothSeriesid")));
        }
        OffsetDateTime now = OffsetDateTime.now();
        for (int i = 0; i < input.subEvents().size(); i++) {
            errors.addAll(checkSubEvent("input.subEvents[" + i + "]", input.subEvents().get(i), now));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        if (input.seriesId() != null) {
            series(input.seriesId());
            if (CulturalEvent.count("seriesId = ?1 and editionYear = ?2", input.seriesId(), input.editionYear()) > 0) {
                throw new ConflictException(Msg.of("event.event.seriesHasEdition", input.editionYear()))
                        .withReason("EDITION_TAKEN");
            }
        }
        CulturalEvent event = new CulturalEvent();
        event.seriesId = input.seriesId();
        event.editionYear = input.editionYear();
        event.title = input.title().strip();
        event.description = input.description();
        event.category = input.category();
        event.ageGroups = input.ageGroups() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(input.ageGroups().stream().map(AgeGroup::name).toList()));
        event.contacts = input.contacts();
        event.posterUrl = input.posterUrl();
        event.visibility = input.visibility();
        event.state = EventState.DRAFT;
        event.approvalRequired = Boolean.TRUE.equals(input.approvalRequired());
        event.waitingList = !Boolean.FALSE.equals(input.waitingList());
        event.questions = new ArrayList<>(questions);
        event.helperPersonIds = new ArrayList<>(new LinkedHashSet<>(helpers));
        event.createdBy = caller.actor();
        event.createdAt = now;
        event.persist();
        if (input.organisers() != null) {
            for (OrganiserInput given : input.organisers()) {
                addOrganiser(event, given);
            }
        }
        Integer offerHours = event.waitingList
                ? Math.toIntExact(modules.settings(CulturalEventModule.ID).integer(CulturalEventModule.OFFER_HOURS))
                : null;
        for (NewSubEvent given : input.subEvents()) {
            addSubEvent(event, given, offerHours);
        }
        audit.record(context.require(), "event.created", "cultural-event", event.id, Map.of("title", event.title));
        return event;
    }

    private static List<FieldError> checkSubEvent(String field, NewSubEvent s, OffsetDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (!s.endsAt().isAfter(s.startsAt())) {
            errors.add(new FieldError(field + ".endsAt", Msg.of("event.event.mustAfterStartsat")));
        } else if (s.endsAt().isAfter(s.startsAt().plusDays(7))) {
            errors.add(new FieldError(field + ".endsAt", Msg.of("event.event.mustMostDaysAfter")));
        }
        if (!s.startsAt().isAfter(now)) {
            errors.add(new FieldError(field + ".startsAt", Msg.of("event.event.past")));
        }
        OffsetDateTime closes = s.registrationClosesAt() == null ? s.startsAt() : s.registrationClosesAt();
        if (closes.isAfter(s.endsAt())) {
            errors.add(new FieldError(field + ".registrationClosesAt", Msg.of("event.event.mustNotAfterEndsat")));
        }
        if (s.registrationOpensAt() != null && !s.registrationOpensAt().isBefore(closes)) {
            errors.add(new FieldError(field + ".registrationOpensAt",
                    Msg.of("event.event.mustBeforeRegistrationCloses")));
        }
        if (s.roomId() != null && s.placeId() != null) {
            errors.add(new FieldError(field, Msg.of("event.event.venueRoomPlaceNot")));
        }
        Set<String> names = new HashSet<>();
        for (NewTicketKind kind : s.ticketKinds()) {
            if (!names.add(kind.name().strip())) {
                errors.add(new FieldError(field + ".ticketKinds",
                        Msg.of("event.event.nameAppearsTwice", kind.name().strip())));
            }
        }
        return errors;
    }

    private void addOrganiser(CulturalEvent event, OrganiserInput given) {
        Organiser organiser = new Organiser();
        organiser.eventId = event.id;
        organiser.role = given.role();
        if (given.unitId() != null) {
            organiser.unitId = given.unitId();
            organiser.name = neighbours.requireUnit(given.unitId()).name();
        } else if (given.name() == null || given.name().isBlank()) {
            throw ValidationFailedException.of("input.organisers", Msg.of("event.event.eachOrganiserHasUnitid"));
        } else {
            organiser.name = given.name().strip();
        }
        organiser.persist();
    }

    private void addSubEvent(CulturalEvent event, NewSubEvent given, Integer offerHours) {
        SubEvent sub = new SubEvent();
        sub.eventId = event.id;
        sub.title = given.title().strip();
        sub.startsAt = given.startsAt();
        sub.endsAt = given.endsAt();
        sub.registrationOpensAt = given.registrationOpensAt();
        sub.registrationClosesAt = given.registrationClosesAt();
        int capacity = given.ticketKinds().stream().mapToInt(NewTicketKind::quota).sum();
        if (given.roomId() != null) {
            RoomBookings.RoomRef room = neighbours.requireRoom(given.roomId());
            if (capacity > room.capacity()) {
                throw ValidationFailedException.of("input.subEvents.ticketKinds",
                        Msg.of("event.event.quotasPeopleMoreThan", capacity, room.name(), room.capacity()));
            }
            sub.roomId = room.id();
            sub.venueName = room.name();
        } else if (given.placeId() != null) {
            Place place = lookup.require(Place.class, given.placeId(), Msg.of("core.thing.place"));
            sub.placeId = place.id;
            sub.venueName = place.name;
        } else {
            sub.venueName = given.venueName() == null ? null : given.venueName().strip();
        }
        sub.persist();
        for (NewTicketKind kind : given.ticketKinds()) {
            TicketKind ticket = new TicketKind();
            ticket.subEventId = sub.id;
            ticket.name = kind.name().strip();
            ticket.ageGroup = kind.ageGroup() == null ? AgeGroup.ALL_AGES : kind.ageGroup();
            ticket.maxPartySize = kind.maxPartySize() == null ? 1 : kind.maxPartySize();
            ticket.listId = signUps.open(kind.quota(), event.waitingList, offerHours).id;
            ticket.persist();
        }
    }

    /**
     * Publishes a draft: each sub-event's room is booked (facility-booking) or place held, in this transaction, so
     * a clash publishes nothing and answers CONFLICT naming the venue; then residents are told (notice board).
     */
    @Transactional
    public CulturalEvent publish(Long id, boolean announce) {
        access.requireOrganiser(Msg.of("event.need.eventsPublished"));
        CulturalEvent event = lockedEvent(id);
        requireState(event, Msg.of("event.verb.published"), EventState.DRAFT);
        List<SubEvent> subs = subEvents(List.of(event.id), false);
        OffsetDateTime now = OffsetDateTime.now();
        for (SubEvent sub : subs) {
            if (!sub.startsAt.isAfter(now)) {
                throw ValidationFailedException.of("id",
                        Msg.of("event.event.subEventStartedCancel", sub.title, sub.startsAt));
            }
            String purpose = event.title + " · " + sub.title;
            if (sub.roomId != null) {
                int attendance = ((Number) em.createQuery("select coalesce(sum(l.capacity), 0) from TicketKind t, "
                        + "SignUpList l where l.id = t.listId and t.subEventId = ?1").setParameter(1, sub.id)
                        .getSingleResult()).intValue();
                sub.bookingId = neighbours.bookRoom(sub.roomId, sub.startsAt, sub.endsAt, purpose, attendance,
                        event.title);
            } else if (sub.placeId != null) {
                sub.placeHoldId = placeHolds.hold(sub.placeId, sub.startsAt, sub.endsAt, HOLDER + sub.id, purpose).id;
            }
        }
        event.state = EventState.PUBLISHED;
        event.publishedAt = now;
        if (announce) {
            neighbours.announce("活动预告：" + event.title, announcement(event, subs));
        }
        audit.record(context.require(), "event.published", "cultural-event", event.id, Map.of("title", event.title));
        return event;
    }

    private String announcement(CulturalEvent event, List<SubEvent> subs) {
        ZoneId zone = directory.timeZone(context.require());
        StringBuilder body = new StringBuilder(event.description == null ? "" : event.description + "\n\n");
        for (SubEvent sub : subs) {
            body.append(sub.title).append("：").append(WHEN.format(sub.startsAt.atZoneSameInstant(zone)))
                    .append(sub.venueName == null ? "" : "，" + sub.venueName).append('\n');
        }
        if (event.contacts != null) {
            body.append("\n联系方式：").append(event.contacts);
        }
        return body.toString();
    }

    /** Calls an event off: every registration is cancelled (or declined, if pending), venues are given back. */
    @Transactional
    public CulturalEvent cancel(Long id, String reason) {
        access.requireOrganiser(Msg.of("event.need.eventsCancelled"));
        if (reason == null || reason.isBlank() || reason.length() > 490) {
            throw ValidationFailedException.of("reason", Msg.of("event.event.mustCharacters"));
        }
        CulturalEvent event = lockedEvent(id);
        requireState(event, Msg.of("event.verb.cancelled"), EventState.DRAFT, EventState.PUBLISHED);
        boolean wasPublished = event.state == EventState.PUBLISHED;
        List<SubEvent> subs = subEvents(List.of(event.id), false);
        OffsetDateTime now = OffsetDateTime.now();
        if (wasPublished && subs.stream().anyMatch(s -> !s.startsAt.isAfter(now))) {
            // what took place keeps its attendance: close the event with its report instead
            throw new ConflictException(Msg.of("event.event.hasBegunCloseAfter", event.title))
                    .withReason("STARTED");
        }
        List<Long> subIds = subs.stream().map(s -> s.id).toList();
        int cancelled = signUps.cancelAll(listsOf(subIds));
        declinePending(event, "活动取消：" + reason.strip());
        for (SubEvent sub : subs) {
            releaseVenue(sub);
        }
        event.state = EventState.CANCELLED;
        event.cancelReason = reason.strip();
        event.endedAt = OffsetDateTime.now();
        if (wasPublished) {
            neighbours.announce("活动取消：" + event.title, reason.strip());
            changes.publish(event.id);
        }
        audit.record(context.require(), "event.cancelled", "cultural-event", event.id,
                Map.of("reason", event.cancelReason, "signUpsCancelled", cancelled));
        return event;
    }

    /** Pending registrations will not be decided any more: declined, with the reason. */
    private void declinePending(CulturalEvent event, String reason) {
        em.createQuery("update Registration set state = ?1, decisionReason = ?2, version = version + 1 "
                + "where eventId = ?3 and state = ?4").setParameter(1, RegistrationStage.DECLINED)
                .setParameter(2, reason).setParameter(3, event.id).setParameter(4, RegistrationStage.PENDING)
                .executeUpdate();
    }

    /** The sign-up lists of the sub-events' ticket kinds, in id order (the order every change locks them in). */
    private List<Long> listsOf(List<Long> subEventIds) {
        return subEventIds.isEmpty() ? List.of() : em.createQuery(
                "select t.listId from TicketKind t where t.subEventId in ?1 order by t.listId", Long.class)
                .setParameter(1, subEventIds).getResultList();
    }

    private void releaseVenue(SubEvent sub) {
        if (sub.bookingId != null) {
            neighbours.releaseRoom(sub.bookingId);
        }
        if (sub.placeHoldId != null) {
            placeHolds.release(sub.placeHoldId);
        }
    }

    /** Offers expired by the kernel's job: subscribers of the events concerned hear of the places that changed. */
    void offersExpired(@Observes OffersExpired expired) {
        em.createQuery("select distinct s.eventId from TicketKind t, SubEvent s where s.id = t.subEventId "
                + "and t.listId in ?1", Long.class).setParameter(1, expired.listIds()).getResultList()
                .forEach(changes::publish);
    }

    /** Closes an event after its last sub-event ended, with the report; attendance is counted now and kept. */
    @Transactional
    public ClosingReport close(Long id, Closing input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.eventsClosed"));
        if (EventInputs.holdsNull(input.photoUrls()) || EventInputs.holdsNull(input.organisations())) {
            throw ValidationFailedException.of("input", Msg.of("event.event.listsMayNotHold"));
        }
        if (input.organisations() != null
                && input.organisations().stream().anyMatch(o -> o.isBlank() || o.length() > 200)) {
            throw ValidationFailedException.of("input.organisations", Msg.of("event.event.eachCharacters"));
        }
        CulturalEvent event = lockedEvent(id);
        requireState(event, Msg.of("event.verb.closed"), EventState.PUBLISHED);
        OffsetDateTime lastEnd = subEvents(List.of(event.id), true).stream().map(s -> s.endsAt)
                .max(OffsetDateTime::compareTo).orElse(event.publishedAt);
        if (lastEnd.isAfter(OffsetDateTime.now())) {
            throw ValidationFailedException.of("id", Msg.of("event.event.eventEndsCloseAfter", lastEnd))
                    .withReason(NOT_OVER);
        }
        ClosingReport report = new ClosingReport();
        report.eventId = event.id;
        report.summary = input.summary().strip();
        report.photoUrls = input.photoUrls() == null ? new ArrayList<>() : new ArrayList<>(input.photoUrls());
        Set<String> organisations = new LinkedHashSet<>(organisers(List.of(event.id)).stream().map(o -> o.name)
                .toList());
        if (input.organisations() != null) {
            input.organisations().forEach(name -> organisations.add(name.strip()));
        }
        report.organisations = new ArrayList<>(organisations);
        List<Long> subIds = subEvents(List.of(event.id), true).stream().map(s -> s.id).toList();
        int noShows = signUps.end(listsOf(subIds));
        declinePending(event, "活动已结束 (the event is over)");
        report.registered = registeredPeople(event.id);
        report.checkedIn = checkedInPeople(event.id);
        report.createdBy = caller.actor();
        report.createdAt = OffsetDateTime.now();
        report.persist();
        event.state = EventState.CLOSED;
        event.endedAt = report.createdAt;
        audit.record(context.require(), "event.closed", "cultural-event", event.id,
                Map.of("registered", report.registered, "checkedIn", report.checkedIn, "noShows", noShows));
        return report;
    }

    /** People on confirmed places (and those who did not come), seats counted. */
    int registeredPeople(long eventId) {
        return ((Number) em.createQuery("select coalesce(sum(s.seats), 0) from Registration r, SignUp s "
                + "where s.id = r.signUpId and r.eventId = ?1 and s.state in ?2").setParameter(1, eventId)
                .setParameter(2, List.of(SignUpState.CONFIRMED, SignUpState.NO_SHOW)).getSingleResult()).intValue();
    }

    /** People on tickets scanned at any of the event's lists, each ticket once. */
    public int checkedInPeople(long eventId) {
        return ((Number) em.createQuery("select coalesce(sum(r.partySize), 0) from Registration r where r.eventId = ?1 "
                + "and exists (select 1 from CheckIn c where c.registrationId = r.id)").setParameter(1, eventId)
                .getSingleResult()).intValue();
    }

    /** The event if the caller may see it (NOT_FOUND otherwise: drafts and members-only events stay hidden). */
    public CulturalEvent event(Long id) {
        context.require();
        return access.visible(id == null ? null : CulturalEvent.findById(id), id);
    }

    /** An event to change, locked against concurrent changes of its state. */
    CulturalEvent lockedEvent(Long id) {
        CulturalEvent event = lookup.require(CulturalEvent.class, id, Msg.of("event.thing.culturalEvent"));
        em.lock(event, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        return event;
    }

    /**
     * Published events with a sub-event in [from, to), newest first by id; for callers from outside the community
     * PUBLIC ones only.
     */
    public Connection<CulturalEvent> upcoming(EventCategory category, AgeGroup ageGroup, OffsetDateTime from,
            OffsetDateTime to, PageRequest page) {
        context.require();
        OffsetDateTime start = from == null ? OffsetDateTime.now() : from;
        OffsetDateTime end = to == null ? start.plusYears(1) : to;
        if (!end.isAfter(start) || end.isAfter(start.plusYears(2))) {
            throw ValidationFailedException.of("to", Msg.of("event.event.mustAfterFromMost"));
        }
        StringBuilder where = new StringBuilder("e.state = :published and exists (select 1 from SubEvent s where "
                + "s.eventId = e.id and not s.cancelled and s.endsAt > :from and s.startsAt < :to)");
        Map<String, Object> params = new HashMap<>(Map.of("published", EventState.PUBLISHED, "from", start, "to", end));
        if (category != null) {
            where.append(" and e.category = :category");
            params.put("category", category);
        }
        if (ageGroup != null) {
            where.append(" and (array_length(e.ageGroups) = 0 or array_contains(e.ageGroups, :ageGroup))");
            params.put("ageGroup", ageGroup.name());
        }
        if (!access.isMember()) {
            where.append(" and e.visibility = :public");
            params.put("public", Visibility.PUBLIC);
        }
        return pagination.page(CulturalEvent.class, where.toString(), params, page, e -> e);
    }

    /** Every event of the community in a state, for organisers (drafts included). */
    public Connection<CulturalEvent> managed(EventState state, PageRequest page) {
        access.requireOrganiser(Msg.of("event.need.eventsManaged"));
        return state == null ? pagination.page(CulturalEvent.class, null, Map.of(), page, e -> e)
                : pagination.page(CulturalEvent.class, "e.state = :state", Map.of("state", state), page, e -> e);
    }

    /** Sub-events of the events, in start order, in one statement. */
    public List<SubEvent> subEvents(Collection<Long> eventIds, boolean readOnly) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from SubEvent where eventId in ?1 order by startsAt, id", SubEvent.class)
                .setParameter(1, eventIds).setHint(HibernateHints.HINT_READ_ONLY, readOnly).getResultList();
    }

    public List<Organiser> organisers(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Organiser where eventId in ?1 order by id", Organiser.class)
                .setParameter(1, eventIds).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    public List<TicketKind> ticketKinds(Collection<Long> subEventIds) {
        if (subEventIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from TicketKind where subEventId in ?1 order by id", TicketKind.class)
                .setParameter(1, subEventIds).setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
    }

    public Map<Long, ClosingReport> reports(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, ClosingReport> byEvent = new HashMap<>();
        em.createQuery("from ClosingReport where eventId in ?1", ClosingReport.class).setParameter(1, eventIds)
                .setHint(HibernateHints.HINT_READ_ONLY, true).getResultList().forEach(r -> byEvent.put(r.eventId, r));
        return byEvent;
    }

    public Map<Long, EventSeries> seriesOf(Collection<Long> seriesIds) {
        return lookup.byIds(EventSeries.class, seriesIds);
    }

    public Map<Long, SubEvent> subEventsById(Collection<Long> ids) {
        return lookup.byIds(SubEvent.class, ids);
    }

    public SubEvent subEvent(Long id) {
        return lookup.require(SubEvent.class, id, Msg.of("event.thing.subEvent"));
    }

    static void requireState(CulturalEvent event, Msg verb, EventState... allowed) {
        for (EventState state : allowed) {
            if (event.state == state) {
                return;
            }
        }
        throw new ConflictException(Msg.of("event.event.eventCannot", event.id, event.state, verb))
                .withReason("EVENT_" + event.state);
    }
}
