package org.linqin.grid.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** One line of an incident's timeline: who did what, when, with which note. Never changed once written. */
@Entity
@Table(name = "grid_incident_events")
public class IncidentEvent extends CommunityOwnedEntity {

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(nullable = false)
    public OffsetDateTime at;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public IncidentAction action;

    @Column(nullable = false)
    public int level;

    @Enumerated(EnumType.STRING)
    @Column(name = "state_after", nullable = false)
    public IncidentState stateAfter;

    public String note;
}
