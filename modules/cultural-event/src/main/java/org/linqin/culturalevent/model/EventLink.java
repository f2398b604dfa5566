package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A link from an event to a neighbouring module's record: a steward shift (volunteer-team) or an incident (grid). */
@Entity
@Table(name = "event_links")
public class EventLink extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(name = "sub_event_id", updatable = false)
    public Long subEventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public LinkKind kind;

    /** The shift or incident id. */
    @Column(name = "target_id", nullable = false, updatable = false)
    public Long targetId;

    /** The volunteer team of a steward shift. */
    @Column(name = "team_id", updatable = false)
    public Long teamId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
