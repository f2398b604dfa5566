package org.linqin.organisation.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A household visit of the "big visit" campaign (大走访). Personal data: read by staff only, audited. */
@Entity
@Table(name = "org_household_visits")
public class HouseholdVisit extends CommunityOwnedEntity {

    @Column(name = "visitor_person_id", nullable = false)
    public Long visitorPersonId;

    @Column(name = "building_id", nullable = false)
    public Long buildingId;

    public String unit;

    @Column(nullable = false)
    public String household;

    @Column(name = "visited_at", nullable = false)
    public OffsetDateTime visitedAt;

    @Column(nullable = false)
    public String outcome;
}
