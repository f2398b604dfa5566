package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A recurring event brand, e.g. 邻亲邻里文化节; its editions are events with an edition year. */
@Entity
@Table(name = "event_series")
public class EventSeries extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
