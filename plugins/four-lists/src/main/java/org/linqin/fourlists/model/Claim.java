package org.linqin.fourlists.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A party's claim (认领) of part of one need of a micro project, with what it commits to. */
@Entity
@Table(name = "fl_claims")
public class Claim extends CommunityOwnedEntity {

    @Column(name = "project_id", nullable = false, updatable = false)
    public Long projectId;

    /** Which of the project's needs, from 0. */
    @Column(name = "need_index", nullable = false, updatable = false)
    public int needIndex;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    public Party party;

    @Column(name = "unit_id", updatable = false)
    public Long unitId;

    @Column(name = "party_name", nullable = false, updatable = false)
    public String partyName;

    @Column(nullable = false, updatable = false)
    public int quantity;

    @Column(nullable = false, updatable = false)
    public String commitment;

    @Column(name = "claimed_by_person_id", nullable = false, updatable = false)
    public Long claimedByPersonId;

    @Column(name = "claimed_at", nullable = false, updatable = false)
    public OffsetDateTime claimedAt;
}
