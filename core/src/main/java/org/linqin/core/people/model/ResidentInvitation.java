package org.linqin.core.people.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A one-time invitation code (邀请码) staff issued for a person record; only the code's SHA-256 is kept. */
@Entity
@Table(name = "resident_invitations")
public class ResidentInvitation extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "code_hash", nullable = false, updatable = false)
    public String codeHash;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public OffsetDateTime issuedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public OffsetDateTime expiresAt;

    @Column(name = "used_at")
    public OffsetDateTime usedAt;

    /** Subject of the user who redeemed it. */
    @Column(name = "used_by")
    public String usedBy;

    /** Set when a newer invitation for the same person replaced this one. */
    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;
}
