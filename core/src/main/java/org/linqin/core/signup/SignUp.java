package org.linqin.core.signup;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** One person's sign-up on a {@link SignUpList}, with their attendance once it happened. */
@Entity
@Table(name = "sign_ups")
public class SignUp extends CommunityOwnedEntity {

    @Column(name = "list_id", nullable = false, updatable = false)
    public Long listId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SignUpState state;

    /** Places taken, e.g. a parent with two children: 3. */
    @Column(nullable = false, updatable = false)
    public int seats = 1;

    /** Until when an OFFERED place is held. */
    @Column(name = "offer_expires_at")
    public OffsetDateTime offerExpiresAt;

    @Column(name = "signed_up_at", nullable = false, updatable = false)
    public OffsetDateTime signedUpAt;

    @Column(name = "cancelled_at")
    public OffsetDateTime cancelledAt;

    /** Cancelled after the organiser's cut-off: recorded, as organisers weigh it. */
    @Column(name = "late_cancellation", nullable = false)
    public boolean lateCancellation;

    @Column(name = "checked_in_at")
    public OffsetDateTime checkedInAt;

    @Column(name = "checked_out_at")
    public OffsetDateTime checkedOutAt;

    public boolean holdsPlace() {
        return state == SignUpState.CONFIRMED;
    }

    /** CONFIRMED or OFFERED: its seats count against the capacity. */
    public boolean holdsSeats() {
        return state == SignUpState.CONFIRMED || state == SignUpState.OFFERED;
    }
}
