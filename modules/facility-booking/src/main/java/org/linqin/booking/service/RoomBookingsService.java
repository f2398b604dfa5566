package org.linqin.booking.service;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.booking.model.BookedFor;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.BookingState;
import org.linqin.booking.model.Room;
import org.linqin.booking.service.BookingInputs.NewBooking;
import org.linqin.booking.spi.RoomBookings;
import org.linqin.core.audit.AuditLog;

/** The facility-booking module's published interface, for other modules. */
@ApplicationScoped
public class RoomBookingsService implements RoomBookings {

    @Inject
    BookingService bookings;

    @Inject
    AuditLog audit;

    @Override
    public Optional<RoomRef> room(long id) {
        return Room.<Room> findByIdOptional(id).map(r -> new RoomRef(r.id, r.name, r.capacity));
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public long book(long roomId, OffsetDateTime startsAt, OffsetDateTime endsAt, String purpose, int attendance,
            String forName) {
        return bookings.book(new NewBooking(roomId, startsAt, endsAt, purpose, attendance, BookedFor.ORGANISATION,
                forName, null)).id;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(long bookingId) {
        Booking booking = Booking.findById(bookingId);
        if (booking != null && BookingState.HOLDING.contains(booking.state)) {
            booking.state = BookingState.CANCELLED;
            audit.record(booking.communityCode, "booking.released", "booking", booking.id, Map.of());
        }
    }
}
