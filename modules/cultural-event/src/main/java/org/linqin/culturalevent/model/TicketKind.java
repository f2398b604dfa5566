package org.linqin.culturalevent.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A kind of ticket of a sub-event with its quota (e.g. 40 parent-child places), held by a kernel sign-up list. */
@Entity
@Table(name = "event_ticket_kinds")
public class TicketKind extends CommunityOwnedEntity {

    @Column(name = "sub_event_id", nullable = false, updatable = false)
    public Long subEventId;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "age_group", nullable = false)
    public AgeGroup ageGroup;

    /** The kernel sign-up list whose capacity is the quota. */
    @Column(name = "list_id", nullable = false, updatable = false)
    public Long listId;

    @Column(name = "max_party_size", nullable = false)
    public int maxPartySize;
}
