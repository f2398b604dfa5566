package org.linqin.fourlists.model;

import java.math.BigDecimal;
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
 * A wish of the wish list (愿景清单): an opinion or suggestion of residents, scoped to a building, grid, compound or
 * the community, answered by the staff and, once accepted, carried out by tasks and micro projects and finally rated by
 * the residents of its scope.
 */
@Entity
@Table(name = "fl_wishes")
public class Wish extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    /** Title and text as pg_trgm compares them (see {@code WishMatchText}). */
    @Column(name = "match_text", nullable = false)
    public String matchText;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls", nullable = false, columnDefinition = "text[]")
    public List<String> photoUrls = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "scope_kind", nullable = false, updatable = false)
    public ScopeKind scopeKind;

    /** The building, grid or compound; null for the community. */
    @Column(name = "scope_id", updatable = false)
    public Long scopeId;

    @Column(name = "scope_name", nullable = false)
    public String scopeName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public WishSource source;

    /** The volunteer team or household visit it came from. */
    @Column(name = "source_ref", updatable = false)
    public Long sourceRef;

    @Column(name = "author_person_id", nullable = false, updatable = false)
    public Long authorPersonId;

    /** Seen by every member of the community; otherwise by its author and the staff only. */
    @Column(name = "public", nullable = false)
    public boolean isPublic;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WishState state;

    @Column(nullable = false)
    public int supports;

    public String answer;

    @Column(name = "merged_into_id")
    public Long mergedIntoId;

    @Column(name = "answered_at")
    public OffsetDateTime answeredAt;

    @Column(name = "evaluation_opens_at")
    public OffsetDateTime evaluationOpensAt;

    @Column(name = "evaluation_closes_at")
    public OffsetDateTime evaluationClosesAt;

    @Column(nullable = false)
    public int ratings;

    @Column(name = "rating_average")
    public BigDecimal ratingAverage;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    /** When it reached its end: declined, merged, achieved or not. */
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
}
