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
 * A micro practical matter (微实事) of the project claim list (项目认领清单), proposed at a deliberation meeting: its
 * needs are claimed in parts by several parties; it starts when every need is covered.
 */
@Entity
@Table(name = "fl_projects")
public class MicroProject extends CommunityOwnedEntity {

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public Long meetingId;

    @Column(name = "wish_id", updatable = false)
    public Long wishId;

    @Column(nullable = false)
    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Need> needs = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProjectState state;

    @Column(nullable = false)
    public int progress;

    @Column(name = "proposed_by_person_id", nullable = false, updatable = false)
    public Long proposedByPersonId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;
}
