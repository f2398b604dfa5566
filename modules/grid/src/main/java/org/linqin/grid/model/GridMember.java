package org.linqin.grid.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A person's responsibility in a grid; building roles name their building. */
@Entity
@Table(name = "grid_members")
public class GridMember extends CommunityOwnedEntity {

    @Column(name = "grid_id", nullable = false)
    public Long gridId;

    @Column(name = "person_id", nullable = false)
    public Long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GridRole role;

    @Column(name = "building_id")
    public Long buildingId;
}
