package org.linqin.fourlists.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A resolution (决议) of a meeting, with its vote counts when it was voted on. */
@Entity
@Table(name = "fl_resolutions")
public class Resolution extends CommunityOwnedEntity {

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public Long meetingId;

    @Column(name = "agenda_item_id", updatable = false)
    public Long agendaItemId;

    @Column(nullable = false, updatable = false)
    public String text;

    @Column(name = "votes_for", updatable = false)
    public Integer votesFor;

    @Column(name = "votes_against", updatable = false)
    public Integer votesAgainst;

    @Column(updatable = false)
    public Integer abstentions;

    @Column(nullable = false, updatable = false)
    public boolean adopted;

    @Column(name = "recorded_at", nullable = false, updatable = false)
    public OffsetDateTime recordedAt;
}
