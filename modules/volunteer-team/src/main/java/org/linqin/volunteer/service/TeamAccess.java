package org.linqin.volunteer.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.i18n.Msg;
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

    private java.util.Map<Long, TeamMember> memberships;

    /** The caller's current (APPLIED or ACTIVE) membership of the team; all of them read once per request. */
    public Optional<TeamMember> membership(Long teamId) {
        if (memberships == null) {
            Optional<Person> me = ownRecord.find();
            memberships = new java.util.HashMap<>();
            me.ifPresent(p -> TeamMember.<TeamMember> list("personId = ?1 and state in ?2", p.id,
                    List.of(MembershipState.APPLIED, MembershipState.ACTIVE)).forEach(m -> memberships.put(m.teamId, m)));
        }
        return Optional.ofNullable(memberships.get(teamId));
    }

    public boolean leads(Long teamId) {
        return isAdmin() || membership(teamId).map(TeamMember::leads).orElse(false);
    }

    /** Party membership is personal: community admins, committee members and the team's leaders see it. */
    public boolean mayReadPartyMembership(Long teamId) {
        return caller.hasRole(Roles.COMMITTEE_MEMBER) || leads(teamId);
    }

    public boolean isActiveMember(Long teamId) {
        return membership(teamId).map(m -> m.state == MembershipState.ACTIVE).orElse(false);
    }

    /** FORBIDDEN unless the caller leads the team or is a community admin. */
    public void requireLeads(Long teamId, Msg what) {
        if (!leads(teamId)) {
            throw new ForbiddenException(Msg.of("volunteer.team.teamSLeadersCommunity", what));
        }
    }
}
