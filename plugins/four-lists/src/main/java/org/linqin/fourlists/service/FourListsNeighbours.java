package org.linqin.fourlists.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.booking.spi.RoomBookings;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.grid.spi.GridDirectory;
import org.linqin.organisation.spi.OrganisationDirectory;
import org.linqin.volunteer.spi.VolunteerTeams;

/**
 * The modules this plugin uses, through their published interfaces only and only where they are enabled in the
 * addressed community: what needs a module that is off answers MODULE_DISABLED naming it, the rest keeps working.
 */
@ApplicationScoped
public class FourListsNeighbours {

    static final String GRID = "grid";

    @Inject
    CommunityContext context;

    @Inject
    EnabledModules enabled;

    @Inject
    GridDirectory grids;

    @Inject
    OrganisationDirectory organisation;

    @Inject
    VolunteerTeams volunteerTeams;

    @Inject
    RoomBookings rooms;

    public boolean isEnabled(String module) {
        return enabled.isEnabled(context.require(), module);
    }

    private void require(String module) {
        enabled.require(context.require(), module);
    }

    public GridDirectory.GridRef requireGrid(long gridId) {
        require(GRID);
        return grids.grid(gridId).orElseThrow(() -> new NotFoundException(Msg.of("fourlists.thing.grid"), gridId));
    }

    /** The buildings of a grid of the addressed community (grid module). */
    public List<Long> buildingsOf(long gridId) {
        requireGrid(gridId);
        return grids.buildingsOf(gridId);
    }

    /** The grid of each building that lies in one; empty where the grid module is off. */
    public Map<Long, GridDirectory.GridRef> gridsOfBuildings(Collection<Long> buildingIds) {
        return isEnabled(GRID) ? grids.gridsOfBuildings(buildingIds) : Map.of();
    }

    /** Whether the grid module is on and takes incidents of the category (one of its categories). */
    public boolean takesIncidents(String category) {
        return isEnabled(GRID) && grids.categories().contains(category);
    }

    /** Incidents by grid and category since the time; empty where the grid module is off. */
    public List<GridDirectory.CategoryCount> incidentsByGridAndCategory(OffsetDateTime since) {
        return isEnabled(GRID) ? grids.incidentsByGridAndCategory(since) : List.of();
    }

    /** A level-3 whistle incident for an overdue task; where the grid module is off, none (null). */
    public Long raiseWhistle(String category, String description, Long buildingId, long reporterPersonId,
            String actor, String department, LocalDate dueOn) {
        if (!isEnabled(GRID)) {
            return null;
        }
        return grids.raiseWhistle(category, description, buildingId, reporterPersonId, actor, department, dueOn);
    }

    public OrganisationDirectory.UnitRef requireUnit(long unitId) {
        require(OrganisationDirectory.MODULE_ID);
        return organisation.unit(unitId).orElseThrow(() -> new NotFoundException(
                Msg.of("fourlists.thing.organisationUnit"), unitId));
    }

    public OrganisationDirectory.VisitRef requireVisit(long visitId) {
        require(OrganisationDirectory.MODULE_ID);
        return organisation.householdVisit(visitId)
                .orElseThrow(() -> new NotFoundException(Msg.of("fourlists.thing.householdVisit"), visitId));
    }

    /** What the units committed to in signed co-construction agreements; empty where organisation is off. */
    public Map<Long, List<OrganisationDirectory.Commitment>> commitmentsOf(Collection<Long> unitIds) {
        return isEnabled(OrganisationDirectory.MODULE_ID) ? organisation.commitmentsOf(unitIds) : Map.of();
    }

    /** Whether the person holds a current position in the unit; false where the organisation module is off. */
    public boolean isAppointedIn(long unitId, long personId) {
        return isEnabled(OrganisationDirectory.MODULE_ID) && organisation.isAppointedIn(unitId, personId);
    }

    public VolunteerTeams.TeamRef requireTeam(long teamId) {
        require(VolunteerTeams.MODULE_ID);
        return volunteerTeams.team(teamId).orElseThrow(() -> new NotFoundException(
                Msg.of("fourlists.thing.volunteerTeam"), teamId));
    }

    public boolean isTeamMember(long teamId, long personId) {
        return volunteerTeams.isMember(teamId, personId);
    }

    public RoomBookings.RoomRef requireRoom(long roomId) {
        require(RoomBookings.MODULE_ID);
        return rooms.room(roomId).orElseThrow(() -> new NotFoundException(Msg.of("fourlists.thing.room"), roomId));
    }

    /** Books a room as the caller; CONFLICT reason ROOM_TAKEN naming the room and the slot. @return booking id */
    public long bookRoom(long roomId, OffsetDateTime startsAt, OffsetDateTime endsAt, String purpose, int attendance,
            String forName) {
        require(RoomBookings.MODULE_ID);
        return rooms.book(roomId, startsAt, endsAt, purpose, attendance, forName);
    }

    /** Releases a room booking; where facility-booking was turned off since, the booking stays as it is. */
    public void releaseRoom(long bookingId) {
        if (isEnabled(RoomBookings.MODULE_ID)) {
            rooms.release(bookingId);
        }
    }
}
