package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** A check-in list of an event (a gate, or one per sub-event), allowing re-entry or not. */
@Entity
@Table(name = "event_check_in_lists")
public class CheckInList extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(nullable = false)
    public String name;

    /** Sub-events whose tickets it admits; empty: all of the event. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "sub_event_ids", nullable = false, columnDefinition = "bigint[]")
    public List<Long> subEventIds = new ArrayList<>();

    /** A ticket may pass again (people leave and come back); otherwise a second scan is refused. */
    @Column(name = "allow_re_entry", nullable = false)
    public boolean allowReEntry;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
