package org.linqin.core.audit;

import java.time.OffsetDateTime;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.LinqinEntity;

/** One line of the audit log: a mutation, or a read of a full personal record. Never changed once written. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends LinqinEntity {

    /** The community concerned, or null for platform-wide actions. */
    @Column(name = "community_code")
    public String communityCode;

    @Column(nullable = false)
    public String actor;

    /** What happened, e.g. {@code module.enabled}, {@code person.read-full}. */
    @Column(nullable = false)
    public String action;

    @Column(name = "target_type", nullable = false)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public String targetId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Map<String, Object> details;

    @Column(nullable = false)
    public OffsetDateTime at;
}
