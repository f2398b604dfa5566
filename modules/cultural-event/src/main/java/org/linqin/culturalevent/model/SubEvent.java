package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A dated part of an event (the opening, the sports day), with its own venue, registration window and ticket kinds.
 * Its venue is a room booked through facility-booking ({@link #bookingId}), a kernel place held for the time
 * ({@link #placeHoldId}), or a name only.
 */
@Entity
@Table(name = "event_sub_events")
public class SubEvent extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(nullable = false)
    public String title;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** Registration opens (null: on publishing). */
    @Column(name = "registration_opens_at")
    public OffsetDateTime registrationOpensAt;

    /** Registration closes (null: at the start). */
    @Column(name = "registration_closes_at")
    public OffsetDateTime registrationClosesAt;

    @Column(name = "room_id")
    public Long roomId;

    @Column(name = "booking_id")
    public Long bookingId;

    @Column(name = "place_id")
    public Long placeId;

    @Column(name = "place_hold_id")
    public Long placeHoldId;

    @Column(name = "venue_name")
    public String venueName;

    @Column(nullable = false)
    public boolean cancelled;

    public OffsetDateTime closesAt() {
        return registrationClosesAt == null ? startsAt : registrationClosesAt;
    }
}
