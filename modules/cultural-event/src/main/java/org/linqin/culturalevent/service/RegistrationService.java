package org.linqin.culturalevent.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationStage;
import org.linqin.culturalevent.model.RegistrationState;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.model.TicketKind;
import org.linqin.culturalevent.service.EventInputs.NewRegistration;

/**
 * Registration for sub-events. Places are the kernel's sign-ups (one list per ticket kind), so the last place is
 * given once however many ask at the same moment and a freed place goes to the first in line as a timed offer.
 * A person holds at most one active registration per sub-event.
 */
@ApplicationScoped
public class RegistrationService {

    /** Refusal reasons, as {@code extensions.reason} (the kernel's FULL and OFFER_EXPIRED pass through). */
    public static final String NOT_OPEN = "NOT_OPEN";
    public static final String TOO_LATE = "TOO_LATE";
    public static final String ALREADY_REGISTERED = "ALREADY_REGISTERED";

    /** The sign-up states of an active registration. */
    static final List<SignUpState> ACTIVE = List.of(SignUpState.CONFIRMED, SignUpState.OFFERED, SignUpState.WAITING);
    private static final char[] CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A registration with its kernel sign-up (null until placed). */
    public record Placed(Registration registration, SignUp signUp) {

        public RegistrationState state() {
            return switch (registration.state) {
                case PENDING -> RegistrationState.PENDING;
                case DECLINED -> RegistrationState.DECLINED;
                case WITHDRAWN -> RegistrationState.WITHDRAWN;
                case PLACED -> RegistrationState.valueOf(signUp.state.name());
            };
        }
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    Lookup lookup;

    @Inject
    Pagination pagination;

    @Inject
    OwnRecord ownRecord;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    SignUps signUps;

    @Inject
    EventAccess access;

    @Inject
    EventChanges changes;

    @Transactional
    public Placed register(NewRegistration input) {
        inputs.validate("input", input);
        if (EventInputs.holdsNull(input.answers())) {
            throw ValidationFailedException.of("input.answers", Msg.of("event.registration.mayNotHoldNull"));
        }
        Person me = ownRecord.require(Msg.of("event.need.registrationsMade"));
        // the sub-event, its event and the ticket kind in one statement: an opening rush runs this a thousand times
        List<Object[]> found = em.createQuery("select s, e, t from SubEvent s join CulturalEvent e on e.id = s.eventId "
                + "left join TicketKind t on t.subEventId = s.id and t.id = ?2 where s.id = ?1", Object[].class)
                .setParameter(1, input.subEventId()).setParameter(2, input.ticketKindId()).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException(Msg.of("event.thing.subEvent"), input.subEventId());
        }
        SubEvent sub = (SubEvent) found.get(0)[0];
        CulturalEvent event = access.visible((CulturalEvent) found.get(0)[1], sub.eventId);
        TicketKind ticket = (TicketKind) found.get(0)[2];
        if (ticket == null) {
            throw new NotFoundException(Msg.of("event.thing.ticketKindSubEvent"), input.ticketKindId());
        }
        lockShared(event);
        requireOpen(event, sub);
        int party = input.partySize() == null ? 1 : input.partySize();
        if (party > ticket.maxPartySize) {
            throw ValidationFailedException.of("input.partySize",
                    Msg.of("event.registration.moreThanTicketTakes", party, ticket.name, ticket.maxPartySize));
        }
        Map<String, String> answers = Answers.check(event.questions,
                input.answers() == null ? List.of() : input.answers());
        // one active registration per person and sub-event, whichever ticket kinds two requests ask for
        em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "event-registration:" + sub.id + ":" + me.id).getSingleResult();
        if (activeOf(sub.id, me.id) > 0) {
            throw new ConflictException(Msg.of("event.registration.youAlreadyRegistered", sub.title))
                    .withReason(ALREADY_REGISTERED);
        }
        Registration registration = new Registration();
        registration.eventId = event.id;
        registration.subEventId = sub.id;
        registration.ticketKindId = ticket.id;
        registration.personId = me.id;
        registration.partySize = party;
        registration.answers = answers;
        registration.ticketCode = newTicketCode();
        registration.createdAt = OffsetDateTime.now();
        SignUp signUp = null;
        if (event.approvalRequired) {
            registration.state = RegistrationStage.PENDING;
        } else {
            signUp = signUps.take(ticket.listId, me.id, party);
            registration.state = RegistrationStage.PLACED;
            registration.signUpId = signUp.id;
        }
        registration.persist();
        changes.publish(event.id);
        return new Placed(registration, signUp);
    }

    /**
     * Holds the event's state for this transaction (FOR SHARE, re-read): a cancellation or closing, which locks the
     * event for update, waits for the registrations in flight and they for it, so none lands on a cancelled event.
     */
    private void lockShared(CulturalEvent event) {
        em.refresh(event, LockModeType.PESSIMISTIC_READ);
    }

    private static void requireOpen(CulturalEvent event, SubEvent sub) {
        if (event.state != EventState.PUBLISHED || sub.cancelled) {
            throw new ConflictException(
                    Msg.of("event.registration.registrationClosed",
                            event.title, (sub.cancelled ? "CANCELLED" : event.state)))
                    .withReason("EVENT_" + (sub.cancelled ? "CANCELLED" : event.state));
        }
        OffsetDateTime now = OffsetDateTime.now();
        if (sub.registrationOpensAt != null && now.isBefore(sub.registrationOpensAt)) {
            throw new ConflictException(
                    Msg.of("event.registration.registrationOpens", sub.title, sub.registrationOpensAt))
                    .withReason(NOT_OPEN);
        }
        if (!now.isBefore(sub.closesAt())) {
            throw new ConflictException(Msg.of("event.registration.registrationClosed2", sub.title, sub.closesAt()))
                    .withReason(TOO_LATE);
        }
    }

    private long activeOf(long subEventId, long personId) {
        return em.createQuery("select count(r) from Registration r left join SignUp s on s.id = r.signUpId "
                + "where r.subEventId = ?1 and r.personId = ?2 and (r.state = ?3 or s.state in ?4)", Long.class)
                .setParameter(1, subEventId).setParameter(2, personId).setParameter(3, RegistrationStage.PENDING)
                .setParameter(4, ACTIVE).getSingleResult();
    }

    static String newTicketCode() {
        char[] code = new char[12];
        for (int i = 0; i < code.length; i++) {
            code[i] = CODE_ALPHABET[RANDOM.nextInt(CODE_ALPHABET.length)];
        }
        return new String(code);
    }

    /** Withdraws a registration (the registrant or an organiser); a freed place is offered to the next in line. */
    @Transactional
    public Placed cancel(Long id) {
        Registration registration = own(id, true);
        SignUp signUp = null;
        if (registration.state == RegistrationStage.PENDING) {
            registration.state = RegistrationStage.WITHDRAWN;
        } else if (registration.state == RegistrationStage.PLACED) {
            signUp = em.find(SignUp.class, registration.signUpId);
            if (!ACTIVE.contains(signUp.state)) {
                throw new ConflictException(Msg.of("event.registration.registrationCannotCancelled", signUp.state))
                        .withReason("REGISTRATION_" + signUp.state);
            }
            requireNotStarted(SubEvent.findById(registration.subEventId));
            signUps.cancel(signUp, false);
        } else {
            throw new ConflictException(Msg.of("event.registration.registrationCannotCancelled", registration.state))
                    .withReason("REGISTRATION_" + registration.state);
        }
        changes.publish(registration.eventId);
        return new Placed(registration, signUp);
    }

    /** Accepts a place offered from the waiting list, before the offer expires. */
    @Transactional
    public Placed acceptOffer(Long id) {
        Registration registration = own(id, false);
        if (registration.state != RegistrationStage.PLACED) {
            throw new ConflictException(Msg.of("event.registration.thereNoOfferAccept")).withReason("NO_OFFER");
        }
        requireNotStarted(SubEvent.findById(registration.subEventId));
        SignUp signUp = signUps.accept(em.find(SignUp.class, registration.signUpId));
        changes.publish(registration.eventId);
        return new Placed(registration, signUp);
    }

    /** An organiser approves a pending registration (it takes a place, or waits) or declines it with a reason. */
    @Transactional
    public Placed decide(Long id, boolean approve, String reason) {
        access.requireOrganiser(Msg.of("event.need.registrationsDecided"));
        Registration registration = lookup.require(Registration.class, id, Msg.of("event.thing.registration"));
        if (registration.state != RegistrationStage.PENDING) {
            throw new ConflictException(Msg.of("event.registration.registrationNotPending", registration.state))
                    .withReason("REGISTRATION_" + registration.state);
        }
        if (reason != null && reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("event.registration.mustMostCharacters"));
        }
        SignUp signUp = null;
        if (approve) {
            CulturalEvent event = CulturalEvent.findById(registration.eventId);
            lockShared(event);
            EventService.requireState(event, Msg.of("event.verb.registered"), EventState.PUBLISHED);
            SubEvent sub = SubEvent.findById(registration.subEventId);
            if (sub.cancelled) {
                throw new ConflictException(
                        Msg.of("event.registration.cancelled", sub.title)).withReason("EVENT_CANCELLED");
            }
            requireNotStarted(sub);
            TicketKind ticket = TicketKind.findById(registration.ticketKindId);
            signUp = signUps.take(ticket.listId, registration.personId, registration.partySize);
            registration.state = RegistrationStage.PLACED;
            registration.signUpId = signUp.id;
        } else {
            if (reason == null || reason.isBlank() || reason.length() > 500) {
                throw ValidationFailedException.of("reason", Msg.of("event.registration.declineGivesReasonCharacters"));
            }
            registration.state = RegistrationStage.DECLINED;
        }
        registration.decisionReason = reason == null ? null : reason.strip();
        audit.record(context.require(), approve ? "event.registration-approved" : "event.registration-declined",
                "event-registration", registration.id, Map.of("event", registration.eventId));
        changes.publish(registration.eventId);
        return new Placed(registration, signUp);
    }

    private static void requireNotStarted(SubEvent sub) {
        if (!sub.startsAt.isAfter(OffsetDateTime.now())) {
            throw new ConflictException(Msg.of("event.registration.hasStarted", sub.title)).withReason("STARTED");
        }
    }

    /** The caller's registration, or (with {@code organisersToo}) any when the caller organises. */
    private Registration own(Long id, boolean organisersToo) {
        Registration registration = lookup.require(Registration.class, id, Msg.of("event.thing.registration"));
        boolean mine = ownRecord.find().map(p -> p.id.equals(registration.personId)).orElse(false);
        if (!mine && !(organisersToo && access.organises())) {
            throw new ForbiddenException(organisersToo ? Msg.of("event.registration.onlyRegistrantOrOrganiser")
                    : Msg.of("event.registration.onlyRegistrant"));
        }
        return registration;
    }

    /** The caller's registrations, newest last. */
    public Connection<Registration> mine(PageRequest page) {
        Person me = ownRecord.require(Msg.of("event.need.registrationsListed"));
        return pagination.page(Registration.class, "e.personId = :person", Map.of("person", me.id), page, r -> r);
    }

    /** Everyone registered for a sub-event, in registration order; organisers and the event's scanners. */
    public Connection<Registration> roster(Long subEventId, PageRequest page) {
        SubEvent sub = lookup.require(SubEvent.class, subEventId, Msg.of("event.thing.subEvent"));
        access.requireScanner(CulturalEvent.findById(sub.eventId));
        return pagination.page(Registration.class, "e.subEventId = :sub", Map.of("sub", sub.id), page, r -> r);
    }

    /** The registrations' sign-ups, by id, in one statement. */
    public Map<Long, SignUp> signUpsOf(Collection<Registration> registrations) {
        return lookup.byIds(SignUp.class, registrations.stream().map(r -> r.signUpId).filter(id -> id != null).toList());
    }

    /** Places in line (1: next) of the registrations that are WAITING, by registration id, in one statement. */
    public Map<Long, Integer> positionsInLine(Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> positions = new HashMap<>();
        em.createQuery("select r.id, (select count(w) from SignUp w where w.listId = s.listId and w.state = ?2 "
                + "and w.id < s.id) from Registration r, SignUp s where s.id = r.signUpId and r.id in ?1 "
                + "and s.state = ?2", Object[].class).setParameter(1, registrationIds)
                .setParameter(2, SignUpState.WAITING).getResultList()
                .forEach(row -> positions.put((Long) row[0], ((Number) row[1]).intValue() + 1));
        return positions;
    }

    public Registration registration(Long id) {
        return lookup.require(Registration.class, id, Msg.of("event.thing.registration"));
    }
}
