package org.linqin.volunteer.model;

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
 * One dated shift of an activity (班次), with its positions (each a kernel sign-up list), requirements and the
 * check-in code its leader shows.
 */
@Entity
@Table(name = "volunteer_shifts")
public class Shift extends CommunityOwnedEntity {

    @Column(name = "activity_id", nullable = false, updatable = false)
    public Long activityId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    @Column(name = "place_name")
    public String placeName;

    @Column(name = "building_id")
    public Long buildingId;

    @Column(name = "grid_id")
    public Long gridId;

    /** Skills a member must hold to sign up. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> requirements = new ArrayList<>();

    /** Members sign up themselves; otherwise leaders assign. */
    @Column(name = "self_sign_up", nullable = false)
    public boolean selfSignUp;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ShiftState state;

    /** Shifts made by one recurring request share it. */
    @Column(name = "series_id")
    public String seriesId;

    @Column(name = "check_code")
    public String checkCode;

    @Column(name = "check_code_expires_at")
    public OffsetDateTime checkCodeExpiresAt;

    /** Wrong codes entered against the current code. */
    @Column(name = "check_code_failures", nullable = false)
    public int checkCodeFailures;

    /** When the attendance was settled after the end: no-shows marked, open check-ins closed. */
    @Column(name = "settled_at")
    public OffsetDateTime settledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
