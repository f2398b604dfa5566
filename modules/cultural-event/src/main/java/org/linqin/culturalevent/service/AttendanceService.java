package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.Ids;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.culturalevent.CulturalEventModule;
import org.linqin.culturalevent.model.CheckIn;
import org.linqin.culturalevent.model.CheckInList;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.Feedback;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationStage;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.service.EventInputs.NewCheckInList;

/**
 * Check-in lists, ticket scans and attendees' feedback. A ticket passes a list once unless the list allows re-entry;
 * two gates scanning one ticket at the same moment admit it once (a unique index decides).
 */
@ApplicationScoped
public class AttendanceService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String ALREADY_CHECKED_IN = "ALREADY_CHECKED_IN";
    public static final String NOT_CONFIRMED = "NOT_CONFIRMED";
    public static final String WRONG_LIST = "WRONG_LIST";
    public static final String NOT_ATTENDED = "NOT_ATTENDED";

    /** What a scan did: the registration, its person's name and whether it was the first entry at this list. */
    public record Scan(Registration registration, String personName, boolean firstEntry, OffsetDateTime at) {
    }

    /** Counts of a check-in list: tickets and people expected (confirmed) and checked in (first entries). */
    public record Counts(CheckInList list, int expectedTickets, int expectedPeople, int checkedInTickets,
            int checkedInPeople) {
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    Lookup lookup;

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Pagination pagination;

    @Inject
    EventAccess access;

    @Inject
    EventService events;

    @Inject
    EventChanges changes;

    @Transactional
    public CheckInList createList(NewCheckInList input) {
        inputs.validate("input", input);
        access.requireOrganiser(Msg.of("event.need.checkListsMade"));
        CulturalEvent event = lookup.require(CulturalEvent.class, input.eventId(), Msg.of("event.thing.culturalEvent"));
        List<Long> subIds = Ids.parse("input.subEventIds", input.subEventIds() == null ? List.of() : input.subEventIds());
        List<Long> ofEvent = events.subEvents(List.of(event.id), true).stream().map(s -> s.id).toList();
        for (Long id : subIds) {
            if (!ofEvent.contains(id)) {
                throw new NotFoundException(Msg.of("event.thing.subEventEvent"), id);
            }
        }
        String name = input.name().strip();
        if (CheckInList.count("eventId = ?1 and name = ?2", event.id, name) > 0) {
            throw new ConflictException(Msg.of("event.attendance.eventHasCheckList", name)).withReason("NAME_TAKEN");
        }
        CheckInList list = new CheckInList();
        list.eventId = event.id;
        list.name = name;
        list.subEventIds = new ArrayList<>(new LinkedHashSet<>(subIds));
        list.allowReEntry = Boolean.TRUE.equals(input.allowReEntry());
        list.createdAt = OffsetDateTime.now();
        list.persist();
        audit.record(context.require(), "event.check-in-list-created", "event-check-in-list", list.id,
                Map.of("event", event.id));
        return list;
    }

    public List<CheckInList> lists(Long eventId) {
        CulturalEvent event = lookup.require(CulturalEvent.class, eventId, Msg.of("event.thing.culturalEvent"));
        access.requireScanner(event);
        return CheckInList.list("eventId = ?1 order by id", event.id);
    }

    /** Scans a ticket at a list: admitted once, or again where the list allows re-entry. */
    @Transactional
    public Scan scan(Long listId, String ticketCode) {
        CheckInList list = lookup.require(CheckInList.class, listId, Msg.of("event.thing.checkList"));
        CulturalEvent event = CulturalEvent.findById(list.eventId);
        access.requireScanner(event);
        if (event.state != EventState.PUBLISHED) {
            throw new ConflictException(
                    Msg.of("event.attendance.message", event.title, event.state)).withReason("EVENT_" + event.state);
        }
        String code = ticketCode == null ? "" : ticketCode.strip().toUpperCase();
        List<Registration> found = code.length() != 12 ? List.of()
                : Registration.list("ticketCode = ?1 and eventId = ?2", code, event.id);
        if (found.isEmpty()) {
            throw new NotFoundException(Msg.of("event.thing.ticketEvent"), code.isEmpty() ? "(empty)" : code);
        }
        Registration registration = found.get(0);
        // one scan of a ticket at a time, at whichever gate: the first entry per list is decided in order
        em.refresh(registration, LockModeType.PESSIMISTIC_WRITE);
        if (!list.subEventIds.isEmpty() && !list.subEventIds.contains(registration.subEventId)) {
            SubEvent sub = SubEvent.findById(registration.subEventId);
            throw new ConflictException(Msg.of("event.attendance.ticketNotAdmitted", sub.title, list.name))
                    .withReason(WRONG_LIST);
        }
        SignUp signUp = registration.state == RegistrationStage.PLACED ? em.find(SignUp.class, registration.signUpId)
                : null;
        if (signUp == null || signUp.state != SignUpState.CONFIRMED) {
            throw new ConflictException(
                    Msg.of("event.attendance.ticketNotConfirmed",
                            (signUp == null ? registration.state : signUp.state))).withReason(NOT_CONFIRMED);
        }
        List<CheckIn> before = CheckIn.list("listId = ?1 and registrationId = ?2 and firstEntry = true", list.id,
                registration.id);
        if (!before.isEmpty() && !list.allowReEntry) {
            throw new ConflictException(
                    Msg.of("event.attendance.ticketWasChecked",
                            list.name, before.get(0).checkedInAt)).withReason(ALREADY_CHECKED_IN);
        }
        CheckIn checkIn = new CheckIn();
        checkIn.listId = list.id;
        checkIn.registrationId = registration.id;
        checkIn.firstEntry = before.isEmpty();
        checkIn.checkedInAt = OffsetDateTime.now();
        checkIn.checkedInBy = caller.actor();
        try {
            em.persist(checkIn);
            em.flush();
        } catch (PersistenceException e) {
            throw new ConflictException(Msg.of("event.attendance.ticketWasCheckedSame", list.name))
                    .withReason(ALREADY_CHECKED_IN);
        }
        if (signUp.checkedInAt == null) {
            signUp.checkedInAt = checkIn.checkedInAt;
        }
        changes.publish(event.id);
        Person person = Person.findById(registration.personId);
        return new Scan(registration, person == null ? null : person.name, checkIn.firstEntry, checkIn.checkedInAt);
    }

    /** Counts of each of the event's check-in lists, in two statements. */
    public List<Counts> counts(Long eventId) {
        CulturalEvent event = lookup.require(CulturalEvent.class, eventId, Msg.of("event.thing.culturalEvent"));
        access.requireScanner(event);
        return countsOf(event.id);
    }

    List<Counts> countsOf(long eventId) {
        List<CheckInList> lists = CheckInList.list("eventId = ?1 order by id", eventId);
        if (lists.isEmpty()) {
            return List.of();
        }
        // confirmed tickets and people per sub-event
        Map<Long, int[]> expected = new HashMap<>();
        em.createQuery("select r.subEventId, count(r), coalesce(sum(r.partySize), 0) from Registration r, SignUp s "
                + "where s.id = r.signUpId and r.eventId = ?1 and s.state = ?2 group by r.subEventId", Object[].class)
                .setParameter(1, eventId).setParameter(2, SignUpState.CONFIRMED).getResultList()
                .forEach(row -> expected.put((Long) row[0], new int[] {((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue()}));
        Map<Long, int[]> checkedIn = new HashMap<>();
        em.createQuery("select c.listId, count(c), coalesce(sum(r.partySize), 0) from CheckIn c, Registration r "
                + "where r.id = c.registrationId and c.firstEntry = true and r.eventId = ?1 group by c.listId",
                Object[].class).setParameter(1, eventId).getResultList()
                .forEach(row -> checkedIn.put((Long) row[0], new int[] {((Number) row[1]).intValue(),
                        ((Number) row[2]).intValue()}));
        List<Counts> counts = new ArrayList<>();
        for (CheckInList list : lists) {
            int tickets = 0;
            int people = 0;
            for (Map.Entry<Long, int[]> sub : expected.entrySet()) {
                if (list.subEventIds.isEmpty() || list.subEventIds.contains(sub.getKey())) {
                    tickets += sub.getValue()[0];
                    people += sub.getValue()[1];
                }
            }
            int[] in = checkedIn.getOrDefault(list.id, new int[2]);
            counts.add(new Counts(list, tickets, people, in[0], in[1]));
        }
        return counts;
    }

    /** An attendee's feedback (their ticket was scanned), once, from the start until the feedback window ends. */
    @Transactional
    public Feedback giveFeedback(Long eventId, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ValidationFailedException.of("rating", Msg.of("event.attendance.mustWas", rating));
        }
        if (comment != null && comment.length() > 1000) {
            throw ValidationFailedException.of("comment", Msg.of("event.attendance.mustMostCharacters"));
        }
        Person me = ownRecord.require(Msg.of("event.need.feedbackGiven"));
        CulturalEvent event = access.visible(CulturalEvent.findById(eventId), eventId);
        long attended = em.createQuery("select count(r) from Registration r where r.eventId = ?1 and r.personId = ?2 "
                + "and exists (select 1 from CheckIn c where c.registrationId = r.id)", Long.class)
                .setParameter(1, event.id).setParameter(2, me.id).getSingleResult();
        if (attended == 0) {
            throw new ConflictException(Msg.of("event.attendance.feedbackGivenAttendeesWhose"))
                    .withReason(NOT_ATTENDED);
        }
        OffsetDateTime lastEnd = events.subEvents(List.of(event.id), true).stream().map(s -> s.endsAt)
                .max(OffsetDateTime::compareTo).orElseThrow();
        long days = modules.settings(CulturalEventModule.ID).integer(CulturalEventModule.FEEDBACK_DAYS);
        if (OffsetDateTime.now().isAfter(lastEnd.plusDays(days))) {
            throw new ConflictException(
                    Msg.of("event.attendance.feedbackClosedDaysAfter",
                            days, CulturalEventModule.FEEDBACK_DAYS)).withReason("TOO_LATE");
        }
        if (Feedback.count("eventId = ?1 and personId = ?2", event.id, me.id) > 0) {
            throw new ConflictException(Msg.of("event.attendance.youGaveFeedbackEvent")).withReason("ALREADY_GIVEN");
        }
        Feedback feedback = new Feedback();
        feedback.eventId = event.id;
        feedback.personId = me.id;
        feedback.rating = rating;
        feedback.comment = comment == null || comment.isBlank() ? null : comment.strip();
        feedback.createdAt = OffsetDateTime.now();
        try {
            feedback.persistAndFlush();
        } catch (PersistenceException e) {
            throw new ConflictException(Msg.of("event.attendance.youGaveFeedbackEvent")).withReason("ALREADY_GIVEN");
        }
        return feedback;
    }

    /** Feedback of an event, oldest first; organisers. */
    public Connection<Feedback> feedback(Long eventId, PageRequest page) {
        access.requireOrganiser(Msg.of("event.need.feedbackRead"));
        CulturalEvent event = lookup.require(CulturalEvent.class, eventId, Msg.of("event.thing.culturalEvent"));
        return pagination.page(Feedback.class, "e.eventId = :event", Map.of("event", event.id), page, f -> f);
    }
}
