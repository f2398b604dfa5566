package org.linqin.volunteer.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** A person's membership of a team, from application to leaving (队员). */
@Entity
@Table(name = "volunteer_members")
public class TeamMember extends CommunityOwnedEntity {

    @Column(name = "team_id", nullable = false, updatable = false)
    public Long teamId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MemberRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipState state;

    /** Skills and certificates held, e.g. "first-aid". Shift requirements are matched against them. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> skills = new ArrayList<>();

    public String availability;

    public String motivation;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Column(name = "applied_at", nullable = false, updatable = false)
    public OffsetDateTime appliedAt;

    @Column(name = "joined_at")
    public OffsetDateTime joinedAt;

    public boolean leads() {
        return state == MembershipState.ACTIVE && (role == MemberRole.LEADER || role == MemberRole.DEPUTY);
    }
}
