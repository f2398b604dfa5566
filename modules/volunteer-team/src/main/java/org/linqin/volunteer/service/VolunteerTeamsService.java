package org.linqin.volunteer.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.spi.VolunteerTeams;

/** The volunteer-team module's published interface, for other modules. */
@ApplicationScoped
public class VolunteerTeamsService implements VolunteerTeams {

    @Override
    public Optional<TeamRef> team(long id) {
        return Team.<Team> findByIdOptional(id).map(t -> new TeamRef(t.id, t.name));
    }

    @Override
    public boolean isMember(long teamId, long personId) {
        return !TeamMember.<TeamMember> find("teamId = ?1 and personId = ?2 and state = ?3", teamId, personId,
                MembershipState.ACTIVE).page(0, 1).list().isEmpty();
    }
}
