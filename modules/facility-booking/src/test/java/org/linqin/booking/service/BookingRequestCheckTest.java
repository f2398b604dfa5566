package org.linqin.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.Room;
import org.linqin.core.graphql.ValidationFailedException.FieldError;

class BookingRequestCheckTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final OffsetDateTime NOW = LocalDate.of(2026, 12, 1).atTime(9, 0).atZone(ZONE).toOffsetDateTime();
    static final LocalDate THURSDAY = LocalDate.of(2026, 12, 3);
    static final BookingRules RULES = new BookingRules(30, 240, 30, 30, 60, 120, false, 360, 15,
            List.of("resident", "volunteer"), 15);

    static Room room() {
        Room room = new Room();
        room.capacity = 20;
        for (DayOfWeek day : DayOfWeek.values()) {
            room.openingHours.add(new Room.OpeningHours(day, LocalTime.of(8, 30), LocalTime.of(12, 0)));
            room.openingHours.add(new Room.OpeningHours(day, LocalTime.of(14, 0), LocalTime.of(21, 30)));
        }
        room.closures.add(new Room.Closure(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), "维修"));
        return room;
    }

    static OffsetDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ZONE).toOffsetDateTime();
    }

    static List<String> rulesBroken(OffsetDateTime start, OffsetDateTime end, int attendance, Set<String> roles,
            boolean staff, long bookedThatWeek) {
        return BookingRequestCheck.check(new BookingRequestCheck.Request(start, end, attendance, roles, staff,
                bookedThatWeek), RULES, room(), NOW, ZONE).stream()
                .map(FieldError::message).map(Object::toString).map(m -> m.substring(1, m.indexOf(']'))).toList();
    }

    static List<String> rulesBroken(OffsetDateTime start, OffsetDateTime end) {
        return rulesBroken(start, end, 10, Set.of("resident"), false, 0);
    }

    @Test
    void aGoodRequestBreaksNoRule() {
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 21, 0))).isEmpty();
    }

    @Test
    void eachRuleIsReportedByName() {
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 19, 0))).containsExactly("order");
        assertThat(rulesBroken(at(THURSDAY, 14, 0), at(THURSDAY, 14, 0).plusMinutes(300))).contains("duration");
        assertThat(rulesBroken(at(THURSDAY, 14, 0), at(THURSDAY, 14, 0).plusMinutes(0).plusMinutes(0)))
                .contains("order");
        assertThat(rulesBroken(at(THURSDAY, 19, 10), at(THURSDAY, 20, 10))).containsExactly("slot");
        assertThat(rulesBroken(at(THURSDAY, 12, 0), at(THURSDAY, 14, 0))).containsExactly("opening-hours");
        assertThat(rulesBroken(at(THURSDAY, 21, 0), at(THURSDAY, 22, 0))).containsExactly("opening-hours");
        assertThat(rulesBroken(at(NOW.toLocalDate(), 9, 30), at(NOW.toLocalDate(), 10, 30))).containsExactly("notice");
        assertThat(rulesBroken(at(NOW.toLocalDate().plusDays(40), 9, 0), at(NOW.toLocalDate().plusDays(40), 10, 0)))
                .containsExactly("ahead");
        assertThat(rulesBroken(at(LocalDate.of(2026, 12, 25), 9, 0), at(LocalDate.of(2026, 12, 25), 10, 0)))
                .containsExactly("closure");
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 20, 0), 21, Set.of("resident"), false, 0))
                .containsExactly("capacity");
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 20, 0), 5, Set.of("grid-worker"), false, 0))
                .containsExactly("booking-roles");
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 21, 0), 5, Set.of("resident"), false, 300))
                .containsExactly("weekly-quota");
    }

    @Test
    void staffAreExemptFromRolesAndQuota() {
        assertThat(rulesBroken(at(THURSDAY, 19, 0), at(THURSDAY, 21, 0), 5, Set.of("property-staff"), true, 10_000))
                .isEmpty();
    }

    @Test
    void freeWindowsLeaveBookingsAndBuffersFree() {
        Booking evening = new Booking();
        evening.startsAt = at(THURSDAY, 19, 0);
        evening.endsAt = at(THURSDAY, 20, 0);
        evening.bufferMinutes = 15;
        List<RoomAvailability.TimeRange> free = RoomAvailability.freeWindows(room(), RULES, List.of(evening), THURSDAY,
                1, ZONE, NOW);
        assertThat(free).extracting(r -> r.startsAt().atZoneSameInstant(ZONE).toLocalTime() + "-"
                + r.endsAt().atZoneSameInstant(ZONE).toLocalTime())
                .containsExactly("08:30-12:00", "14:00-18:30", "20:30-21:30");
    }
}
