package org.linqin.grid.model;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import org.linqin.core.persistence.CommunityOwnedEntity;

/** A grid (网格): a set of buildings, the unit of responsibility. A building is in at most one grid. */
@Entity
@Table(name = "grid_grids")
public class Grid extends CommunityOwnedEntity {

    @Column(nullable = false)
    public String name;

    public String description;

    /** The building party group of the grid (an organisation unit). */
    @Column(name = "party_group_unit_id")
    public Long partyGroupUnitId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "grid_buildings", joinColumns = @JoinColumn(name = "grid_id"))
    @Column(name = "building_id", nullable = false)
    public List<Long> buildingIds = new ArrayList<>();
}
