package org.linqin.grid.model;

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
 * An incident (事件) reported in the community and handled through the three-level response (三级响应). Its full
 * history is the timeline of {@link IncidentEvent}s.
 */
@Entity
@Table(name = "grid_incidents")
public class Incident extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String category;

    @Column(nullable = false)
    public String description;

    @Column(name = "building_id")
    public Long buildingId;

    public String unit;

    @Column(name = "place_id")
    public Long placeId;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "photo_urls", nullable = false, columnDefinition = "text[]")
    public List<String> photoUrls = new ArrayList<>();

    @Column(name = "reporter_person_id", nullable = false)
    public Long reporterPersonId;

    /** The grid of the building, if the building is in one. */
    @Column(name = "grid_id")
    public Long gridId;

    /** The role the incident is routed to, from the module's routing setting. */
    @Column(name = "routed_role", nullable = false)
    public String routedRole;

    /** The organisation unit it is routed to, if the routing names one. */
    @Column(name = "routed_unit_id")
    public Long routedUnitId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentState state;

    @Column(nullable = false)
    public int level;

    /** When the current level's response is due. */
    @Column(name = "level_deadline", nullable = false)
    public OffsetDateTime levelDeadline;

    /** Past the deadline of level 3 (nothing higher to escalate to). */
    @Column(nullable = false)
    public boolean overdue;

    @Column(name = "reported_at", nullable = false)
    public OffsetDateTime reportedAt;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;

    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public Integer rating;

    @Column(name = "rating_comment")
    public String ratingComment;

    @Enumerated(EnumType.STRING)
    @Column(name = "settled_at")
    public Settlement settledAt;
}
