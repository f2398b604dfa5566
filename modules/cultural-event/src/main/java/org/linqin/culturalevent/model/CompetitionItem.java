package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A competition item of an event, e.g. tug-of-war (拔河). */
@Entity
@Table(name = "event_items")
public class CompetitionItem extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ItemKind kind;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
