package org.linqin.booking.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.linqin.booking.model.Room;
import org.linqin.core.graphql.ValidationFailedException.FieldError;

/**
 * The booking rules as a pure function: which rules a requested slot breaks. Each error names the input field and,
 * in brackets, the rule (e.g. {@code [opening-hours]}), so clients can tell users exactly what to change.
 */
public final class BookingRequestCheck {

    /** What is asked for, and what the service knows about the asker. */
    public record Request(OffsetDateTime startsAt, OffsetDateTime endsAt, int attendance, Set<String> callerRoles,
            boolean staff, long minutesBookedThatWeek) {
    }

    private BookingRequestCheck() {
    }

    public static List<FieldError> check(Request request, BookingRules rules, Room room, OffsetDateTime now,
            ZoneId zone) {
        List<FieldError> errors = new ArrayList<>();
        if (!request.staff() && rules.bookingRoles().stream().noneMatch(request.callerRoles()::contains)) {
            errors.add(new FieldError("input.roomId", "[booking-roles] only " + rules.bookingRoles()
                    + " may book this room"));
        }
        if (request.attendance() < 1 || request.attendance() > room.capacity) {
            errors.add(new FieldError("input.attendance", "[capacity] must be between 1 and the room's capacity, "
                    + room.capacity));
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(new FieldError("input.endsAt", "[order] must be after the start"));
            return errors;
        }
        ZonedDateTime start = request.startsAt().atZoneSameInstant(zone);
        ZonedDateTime end = request.endsAt().atZoneSameInstant(zone);
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes < rules.minMinutes() || minutes > rules.maxMinutes()) {
            errors.add(new FieldError("input.endsAt", "[duration] must last " + rules.minMinutes() + " to "
                    + rules.maxMinutes() + " minutes, was " + minutes));
        }
        if (!aligned(start, rules.slotMinutes()) || !aligned(end, rules.slotMinutes())) {
            errors.add(new FieldError("input.startsAt", "[slot] start and end must fall on multiples of "
                    + rules.slotMinutes() + " minutes"));
        }
        if (start.toOffsetDateTime().isBefore(now.plusMinutes(rules.noticeMinutes()))) {
            errors.add(new FieldError("input.startsAt", "[notice] must be at least " + rules.noticeMinutes()
                    + " minutes from now"));
        }
        if (start.toOffsetDateTime().isAfter(now.plusDays(rules.aheadDays()))) {
            errors.add(new FieldError("input.startsAt", "[ahead] can be at most " + rules.aheadDays()
                    + " days ahead"));
        }
        if (!withinOpeningHours(room, start, end)) {
            errors.add(new FieldError("input.startsAt", "[opening-hours] must lie within one opening window of "
                    + start.getDayOfWeek()));
        }
        closureOn(room, start.toLocalDate()).ifPresent(reason -> errors.add(new FieldError("input.startsAt",
                "[closure] the room is closed on " + start.toLocalDate() + ": " + reason)));
        if (!request.staff() && request.minutesBookedThatWeek() + minutes > rules.weeklyQuotaMinutes()) {
            errors.add(new FieldError("input.endsAt", "[weekly-quota] " + request.minutesBookedThatWeek()
                    + " minutes booked that week already; the quota is " + rules.weeklyQuotaMinutes()));
        }
        return errors;
    }

    private static boolean aligned(ZonedDateTime time, int slotMinutes) {
        return time.getSecond() == 0 && time.getNano() == 0
                && (time.getHour() * 60 + time.getMinute()) % slotMinutes == 0;
    }

    /** Inside one opening window of the start's weekday; a booking never runs past midnight. */
    static boolean withinOpeningHours(Room room, ZonedDateTime start, ZonedDateTime end) {
        if (!start.toLocalDate().equals(end.toLocalDate())) {
            return false;
        }
        LocalTime from = start.toLocalTime();
        LocalTime to = end.toLocalTime();
        return room.openingHours.stream().anyMatch(w -> w.dayOfWeek == start.getDayOfWeek()
                && !from.isBefore(w.opensAt) && !to.isAfter(w.closesAt));
    }

    static java.util.Optional<String> closureOn(Room room, LocalDate day) {
        return room.closures.stream().filter(c -> !day.isBefore(c.fromDate) && !day.isAfter(c.toDate))
                .map(c -> c.reason).findFirst();
    }
}
