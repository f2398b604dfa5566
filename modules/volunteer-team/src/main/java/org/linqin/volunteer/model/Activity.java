package org.linqin.volunteer.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** Something a team does in shifts: a patrol round, school escort, event support, training (志愿活动). */
@Entity
@Table(name = "volunteer_activities")
public class Activity extends CommunityOwnedEntity {

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActivityKind kind;

    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
