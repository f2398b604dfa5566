package org.linqin.fourlists.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** One step in the history of a wish, task or project: its state after the step, progress and a note. Never edited. */
@Entity
@Table(name = "fl_timeline")
public class TimelineEntry extends CommunityOwnedEntity {

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_kind", nullable = false, updatable = false)
    public SubjectKind subjectKind;

    @Column(name = "subject_id", nullable = false, updatable = false)
    public Long subjectId;

    @Column(nullable = false, updatable = false)
    public OffsetDateTime at;

    @Column(nullable = false, updatable = false)
    public String actor;

    @Column(nullable = false, updatable = false)
    public String state;

    @Column(updatable = false)
    public Integer progress;

    @Column(updatable = false)
    public String note;
}
