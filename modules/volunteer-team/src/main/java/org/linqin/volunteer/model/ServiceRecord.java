package org.linqin.volunteer.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * An issued service record (志愿服务记录证明): whose, for which period, and the unguessable token of its printable
 * page. The content is computed from the ledger when shown, so a correction approved later shows too.
 */
@Entity
@Table(name = "volunteer_service_records")
public class ServiceRecord extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "from_date", nullable = false, updatable = false)
    public LocalDate fromDate;

    @Column(name = "to_date", nullable = false, updatable = false)
    public LocalDate toDate;

    @Column(nullable = false, updatable = false)
    public String token;

    @Column(name = "issued_by", nullable = false, updatable = false)
    public String issuedBy;

    @Column(name = "issued_at", nullable = false, updatable = false)
    public OffsetDateTime issuedAt;
}
