package org.linqin.core.community.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A time slot held on a {@link Place} (e.g. 邻亲广场 for an event); no two unreleased holds of a place overlap. */
@Entity
@Table(name = "place_holds")
public class PlaceHold extends CommunityOwnedEntity {

    @Column(name = "place_id", nullable = false, updatable = false)
    public Long placeId;

    @Column(name = "starts_at", nullable = false)
    public OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    public OffsetDateTime endsAt;

    /** Who holds it, as "module:id", e.g. "cultural-event:42". */
    @Column(nullable = false, updatable = false)
    public String holder;

    @Column(nullable = false)
    public String purpose;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "released_at")
    public OffsetDateTime releasedAt;
}
