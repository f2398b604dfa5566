package org.linqin.booking.model;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A bookable room (场地) in a place of the community, with its opening hours, closures and the booking rules it sets
 * itself (null: the community's default from the module settings).
 */
@Entity
@Table(name = "booking_rooms")
public class Room extends CommunityOwnedEntity {

    @Column(name = "place_id", nullable = false)
    public Long placeId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RoomKind kind;

    @Column(nullable = false)
    public int capacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> facilities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls", nullable = false, columnDefinition = "text[]")
    public List<String> photoUrls = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "booking_room_hours", joinColumns = @JoinColumn(name = "room_id"))
    public List<OpeningHours> openingHours = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "booking_room_closures", joinColumns = @JoinColumn(name = "room_id"))
    public List<Closure> closures = new ArrayList<>();

    /** Secret of the room's public iCalendar feed. */
    @Column(name = "ics_token", nullable = false)
    public String icsToken;

    @Column(name = "min_minutes")
    public Integer minMinutes;
    @Column(name = "max_minutes")
    public Integer maxMinutes;
    @Column(name = "slot_minutes")
    public Integer slotMinutes;
    @Column(name = "ahead_days")
    public Integer aheadDays;
    @Column(name = "notice_minutes")
    public Integer noticeMinutes;
    @Column(name = "cancel_cutoff_minutes")
    public Integer cancelCutoffMinutes;
    @Column(name = "approval_required")
    public Boolean approvalRequired;
    @Column(name = "weekly_quota_minutes")
    public Integer weeklyQuotaMinutes;
    @Column(name = "buffer_minutes")
    public Integer bufferMinutes;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "booking_roles", columnDefinition = "text[]")
    public List<String> bookingRoles;

    /** One opening window of a weekday; a day may have several. */
    @Embeddable
    public static class OpeningHours {
        @Enumerated(EnumType.STRING)
        @Column(name = "day_of_week", nullable = false)
        public DayOfWeek dayOfWeek;
        @Column(name = "opens_at", nullable = false)
        public LocalTime opensAt;
        @Column(name = "closes_at", nullable = false)
        public LocalTime closesAt;

        public OpeningHours() {
        }

        public OpeningHours(DayOfWeek dayOfWeek, LocalTime opensAt, LocalTime closesAt) {
            this.dayOfWeek = dayOfWeek;
            this.opensAt = opensAt;
            this.closesAt = closesAt;
        }
    }

    /** Days the room is closed (holidays, maintenance), inclusive. */
    @Embeddable
    public static class Closure {
        @Column(name = "from_date", nullable = false)
        public LocalDate fromDate;
        @Column(name = "to_date", nullable = false)
        public LocalDate toDate;
        @Column(nullable = false)
        public String reason;

        public Closure() {
        }

        public Closure(LocalDate fromDate, LocalDate toDate, String reason) {
            this.fromDate = fromDate;
            this.toDate = toDate;
            this.reason = reason;
        }
    }
}
