package org.linqin.volunteer.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.TeamMember;

/**
 * Who may manage a team: community admins any team, leaders and deputies only their own (the {@code team-leader}
 * role says that someone leads some team; which ones is decided here). Membership is read once per request and team.
 */
@RequestScoped
public class TeamAccess {

    @Inject
    Caller caller;

    @Inject
    OwnRecord ownRecord;

    public boolean isAdmin() {
        return caller.hasRole(Roles.COMMUNITY_ADMIN);
    }

    /** The caller's current (APPLIED or ACTIVE) membership of the team. */
    public Optional<TeamMember> membership(Long teamId) {
        Optional<Person> me = ownRecord.find();
        if (me.isEmpty()) {
            return Optional.empty();
        }
        return TeamMember.<TeamMember> find("teamId = ?1 and personId = ?2 and state in ?3", teamId, me.get().id,
                List.of(MembershipState.APPLIED, MembershipState.ACTIVE)).firstResultOptional();
    }

    public boolean leads(Long teamId) {
        return isAdmin() || membership(teamId).map(TeamMember::leads).orElse(false);
    }

    public boolean isActiveMember(Long teamId) {
        return membership(teamId).map(m -> m.state == MembershipState.ACTIVE).orElse(false);
    }

    /** FORBIDDEN unless the caller leads the team or is a community admin. */
    public void requireLeads(Long teamId, String what) {
        if (!leads(teamId)) {
            throw new ForbiddenException(what + " by the team's leaders and community admins only");
        }
    }
}
