package org.linqin.booking.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A booking of a room for a time range. While it holds the slot (PENDING, APPROVED, CHECKED_IN) the database refuses
 * any other holding booking of the room whose range, extended by its buffer, overlaps this one's.
 */
@Entity
@Table(name = "booking_bookings")
public class Booking extends CommunityOwnedEntity {

    @Column(name = "room_id", nullable = false)
    public Long roomId;

    @Column(name = "booker_person_id", nullable = false)
    public Long bookerPersonId;

    @Enumerated(EnumType.STRING)
    @Column(name = "booked_for", nullable = false)
    public BookedFor bookedFor;

    /** Name of the team, course or organisation unit it is for. */
    @Column(name = "for_name")
    public String forName;

    /** The volunteer team it is for (volunteer-team module), when booked for one by id. */
    @Column(name = "team_id")
    public Long teamId;

    @Column(nullable = false)
    public String purpose;

    @Column(nullable = false)
    public int attendance;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** Buffer kept free after the booking, as the room's rules said when it was made. */
    @Column(name = "buffer_minutes", nullable = false)
    public int bufferMinutes;

    /** End of the slot this booking keeps: {@link #endsAt} plus the buffer. */
    @Column(name = "blocked_until", nullable = false)
    public OffsetDateTime blockedUntil;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public BookingState state;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "series_id")
    public String seriesId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;
}
