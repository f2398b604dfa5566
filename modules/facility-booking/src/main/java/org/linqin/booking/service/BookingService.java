package org.linqin.booking.service;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.linqin.core.i18n.Msg;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.booking.model.BookedFor;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.BookingState;
import org.linqin.booking.model.Room;
import org.linqin.booking.service.BookingInputs.NewBooking;
import org.linqin.booking.service.BookingInputs.NewSeries;
import org.linqin.booking.service.BookingInputs.OnConflict;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.graphql.ValidationFailedException.FieldError;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.volunteer.spi.VolunteerTeams;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Booking rooms: the rules, approval, cancellation, check-in and weekly series. Overlaps are refused by the
 * database's exclusion constraint; the check before the insert only finds the clashing slot to name it.
 */
@ApplicationScoped
public class BookingService {

    /** Roles that manage bookings: exempt from the quota, may approve, reject and cancel any booking. */
    public static final Set<String> BOOKING_STAFF = Set.of(Roles.COMMUNITY_ADMIN, Roles.PROPERTY_STAFF);
    /** Refusal reason of a clash, as {@code extensions.reason}. */
    public static final String ROOM_TAKEN = "ROOM_TAKEN";
    /** {@link BookingState#HOLDING} as SQL. */
    private static final String HOLDING_SQL = BookingState.HOLDING.stream().map(s -> "'" + s.name() + "'")
            .sorted().collect(Collectors.joining(", ", "(", ")"));

    private static final Pattern EXISTING_SLOT = Pattern.compile(
            "conflicts with existing key \\(.*?\\)=\\(\\d+, \\[\"([^\"]+)\",\"([^\"]+)\"\\)\\)");

    /** One occurrence of a series that was not booked, and why. */
    public record SkippedOccurrence(OffsetDateTime startsAt, OffsetDateTime endsAt, String reason) {
    }

    /** What a series request did. */
    public record SeriesOutcome(String seriesId, List<Booking> booked, List<SkippedOccurrence> conflicts) {
    }

    @Inject
    CommunityDirectory directory;

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    RoomService rooms;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    EnabledModules enabledModules;

    @Inject
    VolunteerTeams volunteerTeams;

    @Transactional
    public Booking book(NewBooking input) {
        inputs.validate("input", input);
        Room room = rooms.room(input.roomId());
        Person booker = callerPerson();
        Booking booking = prepare(input, room, booker, null, false);
        insert(booking, room);
        audit.record(booking.communityCode, "booking.created", "booking", booking.id,
                Map.of("room", room.id, "state", booking.state.name()));
        return booking;
    }

    /** A weekly series in one request: every occurrence is checked; conflicts are handled as the caller chose. */
    public SeriesOutcome bookSeries(NewSeries input) {
        inputs.validate("input", input);
        Room room = rooms.room(input.first().roomId());
        Person booker = callerPerson();
        String seriesId = UUID.randomUUID().toString();
        List<NewBooking> occurrences = new ArrayList<>();
        for (int week = 0; week < input.weeks(); week++) {
            NewBooking first = input.first();
            occurrences.add(new NewBooking(first.roomId(), first.startsAt().plusWeeks(week),
                    first.endsAt().plusWeeks(week), first.purpose(), first.attendance(), first.bookedFor(),
                    first.forName(), first.teamId()));
        }
        List<SkippedOccurrence> conflicts = new ArrayList<>();
        List<NewBooking> free = new ArrayList<>();
        for (NewBooking occurrence : occurrences) {
            Optional<String> problem = problemWith(occurrence, room, booker);
            if (problem.isPresent()) {
                conflicts.add(new SkippedOccurrence(occurrence.startsAt(), occurrence.endsAt(), problem.get()));
            } else {
                free.add(occurrence);
            }
        }
        List<Booking> booked = new ArrayList<>();
        if (input.onConflict() == OnConflict.ALL_OR_NOTHING) {
            if (conflicts.isEmpty()) {
                booked.addAll(QuarkusTransaction.requiringNew().call(() -> {
                    List<Booking> all = new ArrayList<>();
                    for (NewBooking occurrence : free) {
                        Booking booking = prepare(occurrence, room, booker, seriesId, false);
                        insert(booking, room);
                        all.add(booking);
                    }
                    audit.record(context.require(), "booking.series-created", "booking-series", seriesId,
                            Map.of("room", room.id, "occurrences", all.size()));
                    return all;
                }));
            }
        } else {
            for (NewBooking occurrence : free) {
                try {
                    booked.add(QuarkusTransaction.requiringNew().call(() -> {
                        Booking booking = prepare(occurrence, room, booker, seriesId, false);
                        insert(booking, room);
                        audit.record(booking.communityCode, "booking.created", "booking", booking.id,
                                Map.of("room", room.id, "series", seriesId));
                        return booking;
                    }));
                } catch (ConflictException | ValidationFailedException e) {
                    conflicts.add(new SkippedOccurrence(occurrence.startsAt(), occurrence.endsAt(), e.getMessage()));
                }
            }
        }
        conflicts.sort((a, b) -> a.startsAt().compareTo(b.startsAt()));
        return new SeriesOutcome(seriesId, booked, conflicts);
    }

    /** The volunteer team a booking is for, through the volunteer-team module's published interface. */
    private VolunteerTeams.TeamRef teamOf(Long teamId) {
        enabledModules.require(context.require(), VolunteerTeams.MODULE_ID);
        return volunteerTeams.team(teamId).orElseThrow(() -> new NotFoundException(
                Msg.of("booking.thing.volunteerTeam"), teamId));
    }

    @Transactional
    public Booking cancel(Long id) {
        Booking booking = booking(id);
        boolean staff = caller.hasAnyRole(BOOKING_STAFF);
        if (!staff && !isBooker(booking)) {
            throw new ForbiddenException(Msg.of("booking.booking.onlyBookerBookingStaff"));
        }
        requireState(booking, Msg.of("booking.verb.cancelled"), BookingState.PENDING, BookingState.APPROVED);
        if (!staff) {
            BookingRules rules = rooms.rules(rooms.room(booking.roomId));
            if (OffsetDateTime.now().isAfter(booking.startsAt.minusMinutes(rules.cancelCutoffMinutes()))) {
                throw ValidationFailedException.of("id",
                        Msg.of("booking.booking.cancelCutoffBookingsCancelled", rules.cancelCutoffMinutes()));
            }
        }
        booking.state = BookingState.CANCELLED;
        audit.record(booking.communityCode, "booking.cancelled", "booking", id, Map.of());
        return booking;
    }

    @Transactional
    public Booking approve(Long id) {
        Booking booking = booking(id);
        requireState(booking, Msg.of("booking.verb.approved"), BookingState.PENDING);
        booking.state = BookingState.APPROVED;
        audit.record(booking.communityCode, "booking.approved", "booking", id, Map.of());
        return booking;
    }

    @Transactional
    public Booking reject(Long id, String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("booking.booking.mustCharacters"));
        }
        Booking booking = booking(id);
        requireState(booking, Msg.of("booking.verb.rejected"), BookingState.PENDING);
        booking.state = BookingState.REJECTED;
        booking.decisionReason = reason.trim();
        audit.record(booking.communityCode, "booking.rejected", "booking", id, Map.of("reason", booking.decisionReason));
        return booking;
    }

    /** From 15 minutes before the start until the check-in grace after it. */
    @Transactional
    public Booking checkIn(Long id) {
        Booking booking = booking(id);
        if (!isBooker(booking) && !caller.hasAnyRole(BOOKING_STAFF)) {
            throw new ForbiddenException(Msg.of("booking.booking.onlyBookerBookingStaff2"));
        }
        requireState(booking, Msg.of("booking.verb.checked"), BookingState.APPROVED);
        BookingRules rules = rooms.rules(rooms.room(booking.roomId));
        OffsetDateTime now = OffsetDateTime.now();
        if (now.isBefore(booking.startsAt.minusMinutes(15))
                || now.isAfter(booking.startsAt.plusMinutes(rules.checkInGraceMinutes()))) {
            throw ValidationFailedException.of("id",
                    Msg.of("booking.booking.checkWindowCheckFrom", rules.checkInGraceMinutes()));
        }
        booking.state = BookingState.CHECKED_IN;
        booking.checkedInAt = now;
        audit.record(booking.communityCode, "booking.checked-in", "booking", id, Map.of());
        return booking;
    }

    public Booking booking(Long id) {
        return lookup.require(Booking.class, id, Msg.of("booking.thing.booking"));
    }

    /** The caller's bookings; none when they have no record in the addressed community. */
    public Connection<Booking> mine(PageRequest page) {
        long me = ownRecord.find().map(p -> p.id).orElse(-1L);
        return pagination.page(Booking.class, "e.bookerPersonId = :me", Map.of("me", me), page, b -> b);
    }

    public Connection<Booking> pending(PageRequest page) {
        context.require();
        return pagination.page(Booking.class, "e.state = :state", Map.of("state", BookingState.PENDING), page,
                b -> b);
    }

    /** Bookings of a room that hold or held their slot, in a period, by start. */
    public List<Booking> calendar(Long roomId, OffsetDateTime from, OffsetDateTime to) {
        rooms.room(roomId);
        return Booking.list("roomId = ?1 and state in ?2 and startsAt < ?3 and endsAt > ?4 order by startsAt",
                roomId, BookingState.HOLDING, to, from);
    }

    public ZoneId zone() {
        return directory.timeZone(context.require());
    }

    public boolean isBooker(Booking booking) {
        return ownRecord.find().map(me -> me.id.equals(booking.bookerPersonId)).orElse(false);
    }

    /**
     * Checks the rules and builds the booking. A clash is looked up beforehand only for a dry run (the occurrences
     * of a series); a booking that is inserted learns of a clash from the exclusion constraint, in the same
     * statement.
     */
    private Booking prepare(NewBooking input, Room room, Person booker, String seriesId, boolean lookForClash) {
        BookingRules rules = rooms.rules(room);
        boolean staff = caller.hasAnyRole(BOOKING_STAFF);
        ZoneId zone = zone();
        long bookedThatWeek = staff ? 0 : minutesBookedInWeek(booker, input.startsAt(), zone); // staff have no quota
        List<FieldError> errors = BookingRequestCheck.check(new BookingRequestCheck.Request(input.startsAt(),
                input.endsAt(), input.attendance(), caller.roles(), staff, bookedThatWeek), rules, room,
                OffsetDateTime.now(), zone);
        if (!errors.isEmpty()) {
            throw new ValidationFailedException(errors);
        }
        if (lookForClash) {
            clashWith(room, input.startsAt(), input.endsAt(), rules.bufferMinutes()).ifPresent(clash -> {
                throw new ConflictException(Msg.of("booking.booking.roomTakenClashesSlot", room.name, clash))
                        .withReason(ROOM_TAKEN);
            });
        }
        Booking booking = new Booking();
        booking.roomId = room.id;
        booking.bookerPersonId = booker.id;
        booking.bookedFor = input.bookedFor() == null ? BookedFor.PERSON : input.bookedFor();
        booking.forName = input.forName();
        if (input.teamId() != null) {
            VolunteerTeams.TeamRef team = teamOf(input.teamId());
            if (!staff && !volunteerTeams.isMember(team.id(), booker.id)) {
                throw new ForbiddenException(Msg.of("booking.booking.onlyMembersBookingStaff", team.name()));
            }
            booking.bookedFor = BookedFor.TEAM;
            booking.forName = team.name();
            booking.teamId = team.id();
        }
        booking.purpose = input.purpose().trim();
        booking.attendance = input.attendance();
        booking.startsAt = input.startsAt();
        booking.endsAt = input.endsAt();
        booking.bufferMinutes = rules.bufferMinutes();
        booking.blockedUntil = input.endsAt().plusMinutes(rules.bufferMinutes());
        booking.state = rules.approvalRequired() && !staff ? BookingState.PENDING : BookingState.APPROVED;
        booking.seriesId = seriesId;
        booking.createdAt = OffsetDateTime.now();
        return booking;
    }

    private Optional<String> problemWith(NewBooking occurrence, Room room, Person booker) {
        try {
            prepare(occurrence, room, booker, null, true);
            return Optional.empty();
        } catch (ConflictException | ValidationFailedException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Persists now, so that the exclusion constraint answers inside this call with the clashing slot. */
    private void insert(Booking booking, Room room) {
        try {
            booking.persistAndFlush();
        } catch (PersistenceException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                Matcher slot = EXISTING_SLOT.matcher(String.valueOf(t.getMessage()));
                if (slot.find()) {
                    throw new ConflictException(
                            Msg.of("booking.booking.roomTakenClashesSlot2", room.name, slot.group(1), slot.group(2)))
                            .withReason(ROOM_TAKEN);
                }
            }
            throw e;
        }
    }

    /** A holding booking of the room whose slot (with buffers) overlaps, as "from – to", if any. */
    private Optional<String> clashWith(Room room, OffsetDateTime startsAt, OffsetDateTime endsAt, int buffer) {
        List<?> rows = em.createNativeQuery("select starts_at, ends_at from booking_bookings where community_code = ?1"
                + " and room_id = ?2 and state in " + HOLDING_SQL
                + " and tstzrange(starts_at, blocked_until, '[)') && tstzrange(?3, ?4, '[)') order by starts_at limit 1")
                .setParameter(1, room.communityCode).setParameter(2, room.id).setParameter(3, startsAt)
                .setParameter(4, endsAt.plusMinutes(buffer)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(row[0] + " – " + row[1]);
    }

    private long minutesBookedInWeek(Person booker, OffsetDateTime at, ZoneId zone) {
        ZonedDateTime local = at.atZoneSameInstant(zone);
        ZonedDateTime weekStart = local.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .truncatedTo(ChronoUnit.DAYS);
        Number minutes = (Number) em.createNativeQuery("select coalesce(sum(extract(epoch from ends_at - starts_at)),"
                + " 0) / 60 from booking_bookings where community_code = ?1 and booker_person_id = ?2"
                + " and state in " + HOLDING_SQL + " and starts_at >= ?3 and starts_at < ?4")
                .setParameter(1, booker.communityCode).setParameter(2, booker.id)
                .setParameter(3, weekStart.toOffsetDateTime()).setParameter(4, weekStart.plusWeeks(1).toOffsetDateTime())
                .getSingleResult();
        return minutes.longValue();
    }

    private Person callerPerson() {
        return ownRecord.require(Msg.of("booking.need.bookingsMade"));
    }

    private static void requireState(Booking booking, Msg verb, BookingState... allowed) {
        for (BookingState state : allowed) {
            if (booking.state == state) {
                return;
            }
        }
        throw new ConflictException(Msg.of("booking.booking.bookingCannot", booking.id, booking.state, verb));
    }
}
