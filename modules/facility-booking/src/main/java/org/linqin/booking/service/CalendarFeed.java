package org.linqin.booking.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.booking.FacilityBookingModule;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.BookingState;
import org.linqin.booking.model.Room;
import org.linqin.core.calendar.ICalendar;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The iCalendar feed of a room's approved bookings at {@code GET /calendar/rooms/<token>.ics}, readable without a
 * login only by whoever knows the room's unguessable token. Shows times and purposes, never who booked.
 */
@ApplicationScoped
public class CalendarFeed {

    @Inject
    CommunityScope scope;

    @Inject
    EntityManager em;

    @Inject
    EnabledModules enabledModules;

    void routes(@Observes Router router) {
        router.get("/calendar/rooms/:token").blockingHandler(this::serve);
    }

    private void serve(RoutingContext request) {
        String token = request.pathParam("token").replaceFirst("\\.ics$", "");
        List<?> found = scope.call(CommunityContext.NO_COMMUNITY, () -> em.createNativeQuery(
                "select community_code, id from booking_rooms where ics_token = ?1").setParameter(1, token)
                .getResultList());
        if (found.isEmpty()) {
            request.response().setStatusCode(404).end();
            return;
        }
        Object[] row = (Object[]) found.get(0);
        String community = (String) row[0];
        long roomId = ((Number) row[1]).longValue();
        String body = scope.call(community, () -> {
            if (!enabledModules.isEnabled(community, FacilityBookingModule.ID)) {
                return null;
            }
            Room room = Room.findById(roomId);
            List<Booking> bookings = Booking.list("roomId = ?1 and state in ?2 and endsAt > ?3 order by startsAt",
                    roomId, List.of(BookingState.APPROVED, BookingState.CHECKED_IN), OffsetDateTime.now().minusDays(30));
            return render(room, bookings);
        });
        if (body == null) {
            request.response().setStatusCode(404).end();
            return;
        }
        request.response().putHeader("Content-Type", "text/calendar; charset=utf-8")
                .putHeader("Cache-Control", "no-store").end(body);
    }

    static String render(Room room, List<Booking> bookings) {
        ICalendar calendar = ICalendar.named(room.name, "Facility booking");
        for (Booking b : bookings) {
            calendar.event("booking-" + b.id, b.startsAt, b.endsAt, b.purpose, null, null);
        }
        return calendar.end();
    }
}
