package org.linqin.booking.spi;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the facility-booking module offers other modules (published interface), e.g. an event's room. Call it only
 * where the facility-booking module is enabled in the addressed community.
 */
public interface RoomBookings {

    /** The module's id, to check that it is enabled before calling. */
    String MODULE_ID = "facility-booking";

    /** A room of the addressed community: id, name and how many it holds. */
    record RoomRef(long id, String name, int capacity) {
    }

    Optional<RoomRef> room(long id);

    /**
     * Books the room as the calling person, with the room's rules, in the caller's transaction.
     *
     * @return the booking's id
     * @throws org.linqin.core.graphql.ConflictException reason {@code ROOM_TAKEN}, naming the room and the slot
     */
    long book(long roomId, OffsetDateTime startsAt, OffsetDateTime endsAt, String purpose, int attendance,
            String forName);

    /** Releases a booking made with {@link #book} (whatever the cancel cut-off); idempotent. */
    void release(long bookingId);
}
