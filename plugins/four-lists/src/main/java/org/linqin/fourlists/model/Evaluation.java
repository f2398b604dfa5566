package org.linqin.fourlists.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A rating of the evaluation list (效果评估清单): whether a wish was achieved, 1 to 5, by a resident of its scope. */
@Entity
@Table(name = "fl_evaluations")
public class Evaluation extends CommunityOwnedEntity {

    @Column(name = "wish_id", nullable = false, updatable = false)
    public Long wishId;

    @Column(name = "person_id", nullable = false, updatable = false)
    public Long personId;

    @Column(nullable = false, updatable = false)
    public int rating;

    @Column(updatable = false)
    public String comment;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
