package org.linqin.grid.model;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/** A joint meeting (联席会议) on a level-2 incident: who was invited, when, minutes, decisions, assigned actions. */
@Entity
@Table(name = "grid_joint_meetings")
public class JointMeeting extends CommunityOwnedEntity {

    @Column(name = "incident_id", nullable = false)
    public Long incidentId;

    @Column(name = "held_at", nullable = false)
    public OffsetDateTime heldAt;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> parties = new ArrayList<>();

    @Column(nullable = false)
    public String minutes;

    @Column(nullable = false)
    public String decisions;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public List<String> actions = new ArrayList<>();
}
