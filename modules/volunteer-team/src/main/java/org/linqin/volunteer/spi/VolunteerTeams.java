package org.linqin.volunteer.spi;

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

    /** Whether the person is an active member (leaders included) of the team. */
    boolean isMember(long teamId, long personId);
}
