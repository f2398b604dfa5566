package org.linqin.fourlists.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * A task of the task list (任务清单): part of an accepted wish, split at a tripartite joint meeting and assigned to
 * the party whose duty it is, with a due date, progress, and — once overdue — its escalation.
 */
@Entity
@Table(name = "fl_tasks")
public class WishTask extends CommunityOwnedEntity {

    @Column(name = "wish_id", nullable = false, updatable = false)
    public Long wishId;

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public Long meetingId;

    @Column(nullable = false)
    public String title;

    public String detail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Party party;

    /** The organisation unit that carries it (organisation module), if named. */
    @Column(name = "unit_id", updatable = false)
    public Long unitId;

    @Column(name = "unit_name", nullable = false, updatable = false)
    public String unitName;

    @Column(name = "due_on", nullable = false)
    public LocalDate dueOn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskState state;

    @Column(nullable = false)
    public int progress;

    /** Set by the escalation job when the due date passed unfinished. */
    @Column(name = "overdue_since")
    public OffsetDateTime overdueSince;

    /** The level-3 incident it was escalated into (grid module). */
    @Column(name = "incident_id")
    public Long incidentId;

    @Column(name = "created_by_person_id", nullable = false, updatable = false)
    public Long createdByPersonId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "done_at")
    public OffsetDateTime doneAt;

    public boolean isOpen() {
        return state == TaskState.OPEN || state == TaskState.IN_PROGRESS;
    }
}
