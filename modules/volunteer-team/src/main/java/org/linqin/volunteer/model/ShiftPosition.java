package org.linqin.volunteer.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A position of a shift and how many people it needs, e.g. "crossing guard" × 4 (岗位). */
@Entity
@Table(name = "volunteer_shift_positions")
public class ShiftPosition extends CommunityOwnedEntity {

    @Column(name = "shift_id", nullable = false, updatable = false)
    public Long shiftId;

    @Column(nullable = false, updatable = false)
    public String name;

    /** The kernel sign-up list that holds its places. */
    @Column(name = "list_id", nullable = false, updatable = false)
    public Long listId;
}
