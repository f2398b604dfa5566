package org.linqin.core.signup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * The places of one thing people sign up for (a shift's position, an event, a meeting): how many there are, how
 * many are taken, and whether those who come too late may wait. {@link #confirmed} always equals the seats of the
 * CONFIRMED and OFFERED sign-ups (and of NO_SHOW ones, whose place was taken and not used); only {@link SignUps} changes it, holding this row's lock.
 */
@Entity
@Table(name = "sign_up_lists")
public class SignUpList extends CommunityOwnedEntity {

    @Column(nullable = false)
    public int capacity;

    @Column(nullable = false)
    public int confirmed;

    @Column(name = "waiting_list", nullable = false)
    public boolean waitingList;

    /** When set, a freed place is offered to the next in line for this many hours; else they move up at once. */
    @Column(name = "offer_hours")
    public Integer offerHours;

    public int free() {
        return Math.max(0, capacity - confirmed);
    }
}
