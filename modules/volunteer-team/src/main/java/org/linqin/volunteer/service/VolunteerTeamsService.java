package org.linqin.volunteer.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.spi.VolunteerTeams;

/** The volunteer-team module's published interface, for other modules. */
@ApplicationScoped
public class VolunteerTeamsService implements VolunteerTeams {

    @Override
    public Optional<TeamRef> team(long id) {
        return Team.<Team> findByIdOptional(id).map(t -> new TeamRef(t.id, t.name));
    }
}
