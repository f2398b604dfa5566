package org.linqin.organisation.model;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A person's membership of a party branch or group (党员), from the date joined. */
@Entity
@Table(name = "org_party_memberships")
public class PartyMembership extends CommunityOwnedEntity {

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Column(name = "unit_id", nullable = false)
    public Long unitId;

    @Column(name = "joined_on", nullable = false)
    public LocalDate joinedOn;
}
