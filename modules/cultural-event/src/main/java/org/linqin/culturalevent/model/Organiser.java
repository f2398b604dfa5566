package org.linqin.culturalevent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** An organisation taking part in an event as host, co-host (联办) or co-organiser (协办). */
@Entity
@Table(name = "event_organisers")
public class Organiser extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrganiserRole role;

    /** The organisation unit (organisation module), or null when named only. */
    @Column(name = "unit_id")
    public Long unitId;

    @Column(nullable = false)
    public String name;
}
