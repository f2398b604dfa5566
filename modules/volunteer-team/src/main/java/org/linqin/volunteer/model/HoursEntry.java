package org.linqin.volunteer.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A line of the hours ledger (服务时长). Never edited once written, except its approval; corrections are new lines. */
@Entity
@Table(name = "volunteer_hours")
public class HoursEntry extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(name = "shift_id", updatable = false)
    public Long shiftId;

    @Column(name = "sign_up_id", updatable = false)
    public Long signUpId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public HoursKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public HoursState state;

    @Column(nullable = false, updatable = false)
    public int minutes;

    @Column(name = "worked_on", nullable = false, updatable = false)
    public LocalDate workedOn;

    @Column(updatable = false)
    public String reason;

    @Column(name = "corrects_id", updatable = false)
    public Long correctsId;

    @Column(name = "recorded_by", nullable = false, updatable = false)
    public String recordedBy;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
