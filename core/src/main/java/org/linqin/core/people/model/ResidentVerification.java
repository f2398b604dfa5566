package org.linqin.core.people.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A user's request to be recognised as a resident (居民认证) of the community: how they asked, what WeChat confirmed,
 * and what came of it. Verified requests name the person record the user was linked to.
 */
@Entity
@Table(name = "resident_verifications")
public class ResidentVerification extends CommunityOwnedEntity {

    public enum Method {
        PHONE, INVITATION
    }

    public enum Status {
        PENDING, VERIFIED, REJECTED, UNLINKED
    }

    /** The identity server's subject of the user who asked. */
    @Column(nullable = false, updatable = false)
    public String subject;

    /** The user's name as their token gave it, for staff to recognise them. */
    @Column(nullable = false, updatable = false)
    public String applicant;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Method method;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    /** The phone number WeChat confirmed (phone verifications only). */
    @Column(updatable = false)
    public String phone;

    @Column(name = "person_id")
    public Long personId;

    @Column(name = "requested_at", nullable = false, updatable = false)
    public OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    public String decidedBy;

    /** Why staff rejected the request. */
    public String reason;
}
