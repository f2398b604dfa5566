package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** One scan of a ticket at a check-in list; the first per list and ticket is marked. */
@Entity
@Table(name = "event_check_ins")
public class CheckIn extends CommunityOwnedEntity {

    @Column(name = "list_id", nullable = false, updatable = false)
    public Long listId;

    @Column(name = "registration_id", nullable = false, updatable = false)
    public Long registrationId;

    @Column(name = "first_entry", nullable = false, updatable = false)
    public boolean firstEntry;

    @Column(name = "checked_in_at", nullable = false, updatable = false)
    public OffsetDateTime checkedInAt;

    /** Who scanned it. */
    @Column(name = "checked_in_by", nullable = false, updatable = false)
    public String checkedInBy;
}
