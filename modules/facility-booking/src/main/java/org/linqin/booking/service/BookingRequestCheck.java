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
import org.linqin.core.i18n.Msg;

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
            errors.add(new FieldError("input.roomId",
                    Msg.of("booking.bookingRequest.bookingRolesOnlyMay", rules.bookingRoles())));
        }
        if (request.attendance() < 1 || request.attendance() > room.capacity) {
            errors.add(new FieldError("input.attendance",
                    Msg.of("booking.bookingRequest.capacityMustBetweenRoom", room.capacity)));
        }
        if (!request.endsAt().isAfter(request.startsAt())) {
            errors.add(new FieldError("input.endsAt", Msg.of("booking.bookingRequest.orderMustAfterStart")));
            return errors;
        }
        ZonedDateTime start = request.startsAt().atZoneSameInstant(zone);
        ZonedDateTime end = request.endsAt().atZoneSameInstant(zone);
        long minutes = Duration.between(start, end).toMinutes();
        if (minutes < rules.minMinutes() || minutes > rules.maxMinutes()) {
            errors.add(new FieldError("input.endsAt",
                    Msg.of("booking.bookingRequest.durationMustLastMinutes",
                            rules.minMinutes(), rules.maxMinutes(), minutes)));
        }
        if (!aligned(start, rules.slotMinutes()) || !aligned(end, rules.slotMinutes())) {
            errors.add(new FieldError("input.startsAt",
                    Msg.of("booking.bookingRequest.slotStartEndMust", rules.slotMinutes())));
        }
        if (start.toOffsetDateTime().isBefore(now.plusMinutes(rules.noticeMinutes()))) {
            errors.add(new FieldError("input.startsAt",
                    Msg.of("booking.bookingRequest.noticeMustLeastMinutes", rules.noticeMinutes())));
        }
        if (start.toOffsetDateTime().isAfter(now.plusDays(rules.aheadDays()))) {
            errors.add(new FieldError("input.startsAt",
                    Msg.of("booking.bookingRequest.aheadCanMostDays", rules.aheadDays())));
        }
        if (!withinOpeningHours(room, start, end)) {
            errors.add(new FieldError("input.startsAt",
                    Msg.of("booking.bookingRequest.openingHoursMustLie", start.getDayOfWeek())));
        }
        closureOn(room, start.toLocalDate()).ifPresent(reason -> errors.add(new FieldError("input.startsAt",
                Msg.of("booking.bookingRequest.closureRoomClosed", start.toLocalDate(), reason))));
        if (!request.staff() && request.minutesBookedThatWeek() + minutes > rules.weeklyQuotaMinutes()) {
            errors.add(new FieldError("input.endsAt",
                    Msg.of("booking.bookingRequest.weeklyQuotaMinutesBooked",
                            request.minutesBookedThatWeek(), rules.weeklyQuotaMinutes())));
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
