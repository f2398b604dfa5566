package org.linqin.booking.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.linqin.booking.model.Booking;
import org.linqin.booking.model.Room;

/** Free time of a room as a pure function of its opening hours, closures, rules and bookings. */
public final class RoomAvailability {

    /** A half-open time range [startsAt, endsAt). */
    public record TimeRange(OffsetDateTime startsAt, OffsetDateTime endsAt) {
    }

    private RoomAvailability() {
    }

    /**
     * The free windows, each long enough for the shortest booking, aligned to the slot granularity, after the least
     * notice, and leaving every booking's buffer (and the new booking's own buffer) free.
     */
    public static List<TimeRange> freeWindows(Room room, BookingRules rules, List<Booking> bookings, LocalDate from,
            int days, ZoneId zone, OffsetDateTime now) {
        List<TimeRange> busy = new ArrayList<>();
        for (Booking b : bookings) {
            busy.add(new TimeRange(b.startsAt.minusMinutes(rules.bufferMinutes()),
                    b.endsAt.plusMinutes(b.bufferMinutes)));
        }
        busy.sort(Comparator.comparing(TimeRange::startsAt));
        OffsetDateTime earliest = now.plusMinutes(rules.noticeMinutes());
        List<TimeRange> free = new ArrayList<>();
        for (int d = 0; d < days; d++) {
            LocalDate day = from.plusDays(d);
            if (BookingRequestCheck.closureOn(room, day).isPresent()) {
                continue;
            }
            List<Room.OpeningHours> windows = room.openingHours.stream()
                    .filter(w -> w.dayOfWeek == day.getDayOfWeek())
                    .sorted(Comparator.comparing((Room.OpeningHours w) -> w.opensAt)).toList();
            for (Room.OpeningHours window : windows) {
                OffsetDateTime start = ZonedDateTime.of(day, window.opensAt, zone).toOffsetDateTime();
                OffsetDateTime end = ZonedDateTime.of(day, window.closesAt, zone).toOffsetDateTime();
                if (start.isBefore(earliest)) {
                    start = earliest;
                }
                for (TimeRange taken : busy) {
                    if (!taken.endsAt().isAfter(start) || !taken.startsAt().isBefore(end)) {
                        continue;
                    }
                    add(free, start, taken.startsAt(), rules, zone);
                    start = taken.endsAt().isAfter(start) ? taken.endsAt() : start;
                }
                add(free, start, end, rules, zone);
            }
        }
        return free;
    }

    private static void add(List<TimeRange> free, OffsetDateTime start, OffsetDateTime end, BookingRules rules,
            ZoneId zone) {
        OffsetDateTime alignedStart = alignUp(start, rules.slotMinutes(), zone);
        OffsetDateTime alignedEnd = alignDown(end, rules.slotMinutes(), zone);
        if (alignedEnd.isAfter(alignedStart)
                && Duration.between(alignedStart, alignedEnd).toMinutes() >= rules.minMinutes()) {
            free.add(new TimeRange(alignedStart, alignedEnd));
        }
    }

    private static OffsetDateTime alignDown(OffsetDateTime time, int slot, ZoneId zone) {
        ZonedDateTime local = time.atZoneSameInstant(zone).withSecond(0).withNano(0);
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        return local.minusMinutes(minuteOfDay % slot).toOffsetDateTime();
    }

    private static OffsetDateTime alignUp(OffsetDateTime time, int slot, ZoneId zone) {
        OffsetDateTime down = alignDown(time, slot, zone);
        return down.isBefore(time) ? down.plusMinutes(slot) : down;
    }
}
