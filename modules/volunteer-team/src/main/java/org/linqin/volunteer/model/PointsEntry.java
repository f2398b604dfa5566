package org.linqin.volunteer.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A line of a person's points ledger (积分明细): earned for verified hours, spent on a reward. */
@Entity
@Table(name = "volunteer_points")
public class PointsEntry extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(nullable = false, updatable = false)
    public int points;

    @Column(nullable = false, updatable = false)
    public String reason;

    @Column(name = "hours_id", updatable = false)
    public Long hoursId;

    @Column(name = "reward_id", updatable = false)
    public Long rewardId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
