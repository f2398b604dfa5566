package org.linqin.fourlists.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** An item of a meeting's agenda, in order, referring to the wish, task or project it deliberates on. */
@Entity
@Table(name = "fl_agenda_items")
public class AgendaItem extends CommunityOwnedEntity {

    @Column(name = "meeting_id", nullable = false, updatable = false)
    public Long meetingId;

    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    @Column(name = "wish_id")
    public Long wishId;

    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "project_id")
    public Long projectId;
}
