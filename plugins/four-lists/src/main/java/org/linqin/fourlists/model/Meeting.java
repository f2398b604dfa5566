package org.linqin.fourlists.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A deliberation meeting (议事会议): where and when, whom it invites, its registrations (a kernel sign-up list), and
 * once held its minutes, attendance and closing report. Its agenda items and resolutions are rows of their own.
 */
@Entity
@Table(name = "fl_meetings")
public class Meeting extends CommunityOwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public MeetingKind kind;

    @Column(nullable = false)
    public String title;

    /** The building of a building deliberation meeting. */
    @Column(name = "building_id", updatable = false)
    public Long buildingId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** A room of facility-booking and the booking that holds it. */
    @Column(name = "room_id")
    public Long roomId;

    @Column(name = "room_booking_id")
    public Long roomBookingId;

    /** A named place of the community (a square) and the kernel hold on it. */
    @Column(name = "place_id")
    public Long placeId;

    @Column(name = "place_hold_id")
    public Long placeHoldId;

    @Column(name = "venue_name", nullable = false)
    public String venueName;

    @Column(name = "sign_up_list_id", nullable = false, updatable = false)
    public Long signUpListId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Invitee> invitees = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MeetingState state;

    @Column(name = "convener_person_id", nullable = false, updatable = false)
    public Long convenerPersonId;

    @Column(name = "cancel_reason")
    public String cancelReason;

    public String minutes;

    public String summary;

    public Integer attended;

    @Column(name = "walk_ins")
    public Integer walkIns;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
}
