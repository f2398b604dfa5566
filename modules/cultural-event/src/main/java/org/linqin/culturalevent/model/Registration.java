package org.linqin.culturalevent.model;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** A person's registration for a sub-event with a ticket kind, their party and answers, and their ticket code. */
@Entity
@Table(name = "event_registrations")
public class Registration extends CommunityOwnedEntity {

    @Column(name = "event_id", nullable = false, updatable = false)
    public Long eventId;

    @Column(name = "sub_event_id", nullable = false, updatable = false)
    public Long subEventId;

    @Column(name = "ticket_kind_id", nullable = false, updatable = false)
    public Long ticketKindId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    /** People coming on this ticket, the registrant included (a parent with two children: 3). */
    @Column(name = "party_size", nullable = false, updatable = false)
    public int partySize;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> answers = new HashMap<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RegistrationStage state;

    /** The kernel sign-up once placed (after approval, where approval is required). */
    @Column(name = "sign_up_id")
    public Long signUpId;

    /** Unguessable code on the ticket, shown as a QR code and scanned at check-in. */
    @Column(name = "ticket_code", nullable = false, updatable = false)
    public String ticketCode;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
