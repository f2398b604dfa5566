package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** An attendee's rating (1 to 5) and comment on an event; once per person. */
@Entity
@Table(name = "event_feedback")
public class Feedback extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(nullable = false)
    public int rating;

    public String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
