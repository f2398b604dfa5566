package org.linqin.fourlists.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A resident's support of a wish of their scope; once per person. */
@Entity
@Table(name = "fl_wish_supports")
public class WishSupport extends CommunityOwnedEntity {

    @Column(name = "wish_id", nullable = false, updatable = false)
    public Long wishId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
