package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.linqin.booking.spi.RoomBookings;
import org.linqin.core.events.Announcements;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.culturalevent.model.EventLink;
import org.linqin.culturalevent.model.LinkKind;
import org.linqin.grid.spi.GridDirectory;
import org.linqin.organisation.spi.OrganisationDirectory;
import org.linqin.volunteer.spi.VolunteerTeams;

/**
 * The modules this one uses, through their published interfaces only and only where they are enabled in the
 * addressed community: what needs a module that is off answers MODULE_DISABLED, the rest keeps working.
 */
@ApplicationScoped
public class EventNeighbours {

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

    @Inject
    Instance<Announcements> announcements;

    public boolean isEnabled(String module) {
        return enabled.isEnabled(context.require(), module);
    }

    private void require(String module) {
        enabled.require(context.require(), module);
    }

    public OrganisationDirectory.UnitRef requireUnit(long unitId) {
        require(OrganisationDirectory.MODULE_ID);
        return organisation.unit(unitId).orElseThrow(() -> new NotFoundException(
                Msg.of("event.thing.organisationUnit"), unitId));
    }

    public GridDirectory.GridRef requireGrid(long gridId) {
        require(GRID);
        return grids.grid(gridId).orElseThrow(() -> new NotFoundException(Msg.of("event.thing.grid"), gridId));
    }

    /** The grid of each building that lies in one; empty where the grid module is off. */
    public Map<Long, GridDirectory.GridRef> gridsOfBuildings(Collection<Long> buildingIds) {
        return isEnabled(GRID) ? grids.gridsOfBuildings(buildingIds) : Map.of();
    }

    public RoomBookings.RoomRef requireRoom(long roomId) {
        require(RoomBookings.MODULE_ID);
        return rooms.room(roomId).orElseThrow(() -> new NotFoundException(Msg.of("event.thing.room"), roomId));
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

    /** Tells residents through every enabled announcement channel (notice board); nothing where none is on. */
    public void announce(String title, String body) {
        for (Announcements channel : announcements) {
            if (isEnabled(channel.moduleId())) {
                channel.announce(title, body);
            }
        }
    }

    public long scheduleStewards(long teamId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt,
            String placeName, String position, int peopleNeeded) {
        require(VolunteerTeams.MODULE_ID);
        volunteerTeams.team(teamId).orElseThrow(() -> new NotFoundException(
                Msg.of("event.thing.volunteerTeam"), teamId));
        return volunteerTeams.scheduleShift(teamId, title, startsAt, endsAt, placeName, position, peopleNeeded);
    }

    /** Whether the person is an active member of a team with a steward shift at the event. */
    public boolean isStewardOf(long eventId, long personId) {
        if (!isEnabled(VolunteerTeams.MODULE_ID)) {
            return false;
        }
        List<Long> teams = EventLink.<EventLink> list("eventId = ?1 and kind = ?2", eventId, LinkKind.STEWARD_SHIFT)
                .stream().map(l -> l.teamId).distinct().toList();
        return teams.stream().anyMatch(team -> volunteerTeams.isMember(team, personId));
    }

    /** Reports an incident through the grid module as the caller, at the place when there is one. @return its id */
    public long reportIncident(String category, String description, Optional<Long> placeId, List<String> photoUrls) {
        require(GRID);
        return placeId.isPresent() ? grids.reportIncidentAtPlace(category, description, placeId.get(), photoUrls)
                : grids.reportIncident(category, description, null, photoUrls);
    }
}
