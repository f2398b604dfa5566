package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A member of a competition team; a person is in at most one team per event. */
@Entity
@Table(name = "event_team_members")
public class EventTeamMember extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "joined_at", nullable = false, updatable = false)
    public OffsetDateTime joinedAt;
}
