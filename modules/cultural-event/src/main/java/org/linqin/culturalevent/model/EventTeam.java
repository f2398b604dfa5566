package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A competition team of an event formed per grid (以网格为单位自主成队), led by its captain. */
@Entity
@Table(name = "event_teams")
public class EventTeam extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    /** The grid (grid module) whose residents form it; null where the grid module is off. */
    @Column(name = "grid_id", updatable = false)
    public Long gridId;

    @Column(name = "grid_name", updatable = false)
    public String gridName;

    @Column(nullable = false)
    public String name;

    @Column(name = "captain_person_id", nullable = false)
    public Long captainPersonId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
