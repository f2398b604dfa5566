package org.linqin.fourlists.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Compound;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.persistence.Lookup;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.grid.spi.GridDirectory.GridRef;

/**
 * Scopes of wishes — a building, a grid, a compound, the community — and who lives in one: the residents of the
 * scope are those whose recorded building is the building, lies in the grid (grid module) or in the compound.
 */
@ApplicationScoped
public class Scopes {

    @Inject
    Lookup lookup;

    @Inject
    FourListsNeighbours neighbours;

    /** The name of the scope, checking that it exists in the addressed community. */
    public String name(ScopeKind kind, Long id, String field) {
        if ((kind == ScopeKind.COMMUNITY) != (id == null)) {
            throw ValidationFailedException.of(field, kind == ScopeKind.COMMUNITY
                    ? Msg.of("fourlists.scopes.notGivenForCommunity") : Msg.of("fourlists.scopes.namesTheScope", kind));
        }
        return switch (kind) {
            case BUILDING -> buildingName(lookup.require(Building.class, id, Msg.of("core.thing.building")));
            case COMPOUND -> lookup.require(Compound.class, id, Msg.of("core.thing.compound")).name;
            case GRID -> neighbours.requireGrid(id).name();
            case COMMUNITY -> "社区 (community)";
        };
    }

    /** A building as scopes and invitations name it: its compound and its own name. */
    public static String buildingName(Building building) {
        return building.compound.name + " " + building.name;
    }

    /** Whether the person lives in the scope (recorded building inside it). */
    public boolean livesIn(Person person, ScopeKind kind, Long id) {
        if (kind == ScopeKind.COMMUNITY) {
            return true;
        }
        if (person.building == null) {
            return false;
        }
        return switch (kind) {
            case BUILDING -> person.building.id.equals(id);
            case COMPOUND -> person.building.compound != null && person.building.compound.id.equals(id);
            case GRID -> {
                neighbours.requireGrid(id);
                Map<Long, GridRef> grids = neighbours.gridsOfBuildings(List.of(person.building.id));
                GridRef grid = grids.get(person.building.id);
                yield grid != null && grid.id() == id;
            }
            case COMMUNITY -> true;
        };
    }
}
