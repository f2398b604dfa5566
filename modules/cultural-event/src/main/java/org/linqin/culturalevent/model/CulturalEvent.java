package org.linqin.culturalevent.model;

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
 * An event (文化活动) with its dated sub-events; with a series and a year it is that series' edition (e.g. the 2026
 * 邻亲邻里文化节). DRAFT → PUBLISHED → CANCELLED or CLOSED.
 */
@Entity
@Table(name = "event_events")
public class CulturalEvent extends CommunityOwnedEntity {

    @Column(name = "series_id", updatable = false)
    public Long seriesId;

    @Column(name = "edition_year", updatable = false)
    public Integer editionYear;

    @Column(nullable = false)
    public String title;

    public String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventCategory category;

    /** Age groups it is meant for; empty: all ages. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "age_groups", nullable = false, columnDefinition = "text[]")
    public List<String> ageGroups = new ArrayList<>();

    public String contacts;

    @Column(name = "poster_url")
    public String posterUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Visibility visibility;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EventState state;

    /** Registrations wait for an organiser's approval before they take places. */
    @Column(name = "approval_required", nullable = false)
    public boolean approvalRequired;

    /** Full sub-events keep a waiting list with timed offers. */
    @Column(name = "waiting_list", nullable = false)
    public boolean waitingList;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Question> questions = new ArrayList<>();

    /** People who may scan tickets at its check-in lists besides the organisers (e.g. volunteers at the gate). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "helper_person_ids", nullable = false, columnDefinition = "bigint[]")
    public List<Long> helperPersonIds = new ArrayList<>();

    @Column(name = "cancel_reason")
    public String cancelReason;

    @Column(name = "created_by", nullable = false, updatable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    /** When it was cancelled or closed. */
    @Column(name = "ended_at")
    public OffsetDateTime endedAt;

    public boolean isPublic() {
        return visibility == Visibility.PUBLIC;
    }
}
