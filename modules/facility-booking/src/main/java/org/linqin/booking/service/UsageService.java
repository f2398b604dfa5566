package org.linqin.booking.service;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.booking.model.Room;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.tenancy.CommunityContext;

/** How much each room is used: the demand figures the community decides its rooms by. Two queries in all. */
@ApplicationScoped
public class UsageService {

    public static final int MAX_DAYS = 366;

    /** Use of one room over a period. */
    public record RoomUsage(Room room, double hoursOpen, double hoursBooked, long bookings, long noShows) {
        public double utilisation() {
            return hoursOpen == 0 ? 0 : hoursBooked / hoursOpen;
        }

        public double noShowRate() {
            return bookings == 0 ? 0 : (double) noShows / bookings;
        }
    }

    @Inject
    CommunityContext context;

    @Inject
    RoomService rooms;

    @Inject
    EntityManager em;

    /** Per room, for bookings starting in [from, to) (local dates of the community). */
    public List<RoomUsage> usage(LocalDate from, LocalDate to, ZoneId zone) {
        String community = context.require();
        if (from == null || to == null || !to.isAfter(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw ValidationFailedException.of("to", Msg.of("booking.usage.mustAfterFromMost", MAX_DAYS));
        }
        Map<Long, Object[]> figures = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select room_id,"
                + " count(*) filter (where state in ('APPROVED', 'CHECKED_IN', 'NO_SHOW')),"
                + " coalesce(sum(extract(epoch from ends_at - starts_at) / 3600.0)"
                + "   filter (where state in ('APPROVED', 'CHECKED_IN')), 0),"
                + " count(*) filter (where state = 'NO_SHOW')"
                + " from booking_bookings where community_code = ?1 and starts_at >= ?2 and starts_at < ?3"
                + " group by room_id")
                .setParameter(1, community)
                .setParameter(2, from.atStartOfDay(zone).toOffsetDateTime())
                .setParameter(3, to.atStartOfDay(zone).toOffsetDateTime())
                .getResultList();
        rows.forEach(r -> figures.put(((Number) r[0]).longValue(), r));
        List<RoomUsage> usage = new ArrayList<>();
        for (Room room : rooms.all()) {
            Object[] r = figures.get(room.id);
            usage.add(new RoomUsage(room, hoursOpen(room, from, to),
                    r == null ? 0 : ((Number) r[2]).doubleValue(),
                    r == null ? 0 : ((Number) r[1]).longValue(),
                    r == null ? 0 : ((Number) r[3]).longValue()));
        }
        return usage;
    }

    static double hoursOpen(Room room, LocalDate from, LocalDate to) {
        double hours = 0;
        for (LocalDate day = from; day.isBefore(to); day = day.plusDays(1)) {
            if (BookingRequestCheck.closureOn(room, day).isPresent()) {
                continue;
            }
            for (Room.OpeningHours w : room.openingHours) {
                if (w.dayOfWeek == day.getDayOfWeek()) {
                    hours += Duration.between(w.opensAt, w.closesAt).toMinutes() / 60.0;
                }
            }
        }
        return hours;
    }
}
