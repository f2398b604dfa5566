package org.linqin.grid.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A department summoned when the committee blows the whistle (吹哨), with its due date and response. */
@Entity
@Table(name = "grid_summons")
public class Summons extends CommunityOwnedEntity {

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(nullable = false)
    public String department;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    public String response;

    @Column(name = "responded_at")
    public OffsetDateTime respondedAt;
}
