package org.linqin.volunteer.service;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.grid.spi.GridDirectory;
import org.linqin.organisation.spi.OrganisationDirectory;

/**
 * The other modules this one uses, through their published interfaces only, and only where they are enabled in the
 * addressed community: what belongs to a disabled module answers MODULE_DISABLED, the rest keeps working.
 */
@ApplicationScoped
public class Neighbours {

    static final String GRID = "grid";
    static final String ORGANISATION = OrganisationDirectory.MODULE_ID;

    @Inject
    CommunityContext context;

    @Inject
    EnabledModules enabled;

    @Inject
    GridDirectory grids;

    @Inject
    OrganisationDirectory organisation;

    public boolean gridEnabled() {
        return enabled.isEnabled(context.require(), GRID);
    }

    /** The grid, which must exist; MODULE_DISABLED where the grid module is off. */
    public GridDirectory.GridRef requireGrid(long gridId) {
        requireEnabled(GRID);
        return grids.grid(gridId).orElseThrow(() -> new NotFoundException(Msg.of("volunteer.thing.grid"), gridId));
    }

    public List<GridDirectory.GridRef> gridsIfEnabled() {
        return gridEnabled() ? grids.grids() : List.of();
    }

    /** Reports an incident through the grid module as the caller. @return its id */
    public long reportIncident(String category, String description, Long buildingId, List<String> photoUrls) {
        requireEnabled(GRID);
        return grids.reportIncident(category, description, buildingId, photoUrls);
    }

    /** Which people are party members; empty where the organisation module is off (nobody is known to be). */
    public Optional<Set<Long>> partyMembersAmong(Collection<Long> personIds) {
        if (!enabled.isEnabled(context.require(), ORGANISATION)) {
            return Optional.empty();
        }
        return Optional.of(organisation.partyMembersAmong(personIds));
    }

    /** The organisation unit, which must exist; MODULE_DISABLED where the organisation module is off. */
    public OrganisationDirectory.UnitRef requireUnit(long unitId) {
        requireEnabled(ORGANISATION);
        return organisation.unit(unitId).orElseThrow(() -> new NotFoundException(
                Msg.of("volunteer.thing.organisationUnit"), unitId));
    }

    private void requireEnabled(String module) {
        enabled.require(context.require(), module);
    }
}
