package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A team's result in a competition item: rank, score as shown, and points for the leaderboard. */
@Entity
@Table(name = "event_results")
public class CompetitionResult extends CommunityOwnedEntity {

    @Column(name = "item_id", nullable = false, updatable = false)
    public Long itemId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(nullable = false)
    public int rank;

    public String score;

    @Column(nullable = false)
    public int points;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;
}
