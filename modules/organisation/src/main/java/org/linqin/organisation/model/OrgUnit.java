package org.linqin.organisation.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.linqin.core.persistence.CommunityOwnedEntity;

/**
 * An organisation unit (组织) of a community: a level of the party-building axis or a partner organisation. Units
 * form a tree by {@link #parentId}; a dissolved unit keeps its place in history.
 */
@Entity
@Table(name = "org_units")
public class OrgUnit extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OrgUnitKind kind;

    /** The parent unit; null for the community party committee and partner organisations. */
    @Column(name = "parent_id")
    public Long parentId;

    /** The compound a partner organisation serves; null when it serves the whole community. */
    @Column(name = "compound_id")
    public Long compoundId;

    /** For a party-member household: where it is. */
    @Column(name = "building_id")
    public Long buildingId;

    public String unit;

    public String household;

    /** For a party-member household: the nearby households it serves, e.g. "1单元-302". */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "served_households", nullable = false, columnDefinition = "text[]")
    public List<String> servedHouseholds = new ArrayList<>();

    /** The unit's public contact phone (an office line, never a person's). */
    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "dissolved_on")
    public LocalDate dissolvedOn;

    public boolean isActive() {
        return dissolvedOn == null;
    }
}
