package org.linqin.volunteer.spi;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What the volunteer-team module offers other modules (published interface), e.g. a team as the party of a room
 * booking. Call it only where the volunteer-team module is enabled in the addressed community.
 */
public interface VolunteerTeams {

    /** The module's id, to check that it is enabled before calling. */
    String MODULE_ID = "volunteer-team";

    /** A team of the addressed community: id and name. */
    record TeamRef(long id, String name) {
    }

    Optional<TeamRef> team(long id);

    /**
     * Schedules a one-off shift of the team (e.g. stewards of an event) as the calling person, who must lead the team
     * or be a community admin, in the caller's transaction: an activity of kind event support with one position.
     *
     * @return the shift's id
     */
    long scheduleShift(long teamId, String title, OffsetDateTime startsAt, OffsetDateTime endsAt, String placeName,
            String positionName, int peopleNeeded);

    /** Whether the person is an active member (leaders included) of the team. */
    boolean isMember(long teamId, long personId);
}
