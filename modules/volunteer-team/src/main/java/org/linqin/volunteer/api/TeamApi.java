package org.linqin.volunteer.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.people.service.PersonNames;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.volunteer.api.VolunteerViews.MemberView;
import org.linqin.volunteer.api.VolunteerViews.TeamView;
import org.linqin.volunteer.model.MemberRole;
import org.linqin.volunteer.model.TeamKind;
import org.linqin.volunteer.service.Neighbours;
import org.linqin.volunteer.service.TeamAccess;
import org.linqin.volunteer.service.TeamService;
import org.linqin.volunteer.service.VolunteerInputs.Application;
import org.linqin.volunteer.service.VolunteerInputs.NewTeam;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class TeamApi {

    @Inject
    TeamService teams;

    @Inject
    PersonNames personNames;

    @Inject
    TeamAccess access;

    @Inject
    Neighbours neighbours;

    @Query
    @Authenticated
    @Description("The community's volunteer teams, optionally of one kind. Module volunteer-team. 志愿服务队")
    public Connection<TeamView> volunteerTeams(@Description("Only teams of this kind. 类型") TeamKind kind,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return teams.teams(kind, PageRequest.of(first, after)).map(t -> TeamView.of(t, access.leads(t.id)));
    }

    @Query
    @Authenticated
    @Description("One team. Module volunteer-team. 服务队详情")
    public TeamView volunteerTeam(@NonNull @Id @Description("The team.") Long id) {
        return TeamView.of(teams.team(id), access.leads(id));
    }

    @Query
    @Authenticated
    @Description("The caller's memberships and applications. Module volunteer-team. 我的服务队")
    public Connection<MemberView> myVolunteerTeams(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return teams.mine(PageRequest.of(first, after)).map(MemberView::of);
    }

    @Query
    @Authenticated
    @Description("A team's active members; its leaders and community admins also see applicants and former "
            + "members. Module volunteer-team. 队员")
    public Connection<MemberView> volunteerTeamMembers(@NonNull @Id @Description("The team.") Long teamId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return teams.members(teamId, PageRequest.of(first, after)).map(MemberView::of);
    }

    @Description("Whether the member is a recorded party member (党员), from the organisation module: shown to "
            + "community admins, committee members and the team's leaders; null for others and where that module is "
            + "off (batched). 是否党员")
    public List<Boolean> partyMember(@Source List<MemberView> members) {
        Set<Long> readable = members.stream().map(MemberView::teamId).distinct()
                .filter(access::mayReadPartyMembership).collect(java.util.stream.Collectors.toSet());
        Optional<Set<Long>> party = readable.isEmpty() ? Optional.empty()
                : neighbours.partyMembersAmong(members.stream().filter(m -> readable.contains(m.teamId()))
                        .map(MemberView::personId).distinct().toList());
        return members.stream().map(m -> readable.contains(m.teamId())
                ? party.map(p -> p.contains(m.personId())).orElse(null) : null).toList();
    }

    @Description("The member's name (batched). 姓名")
    public List<String> name(@Source List<MemberView> members) {
        return personNames.inOrder(members.stream().map(MemberView::personId).toList());
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Creates a team. Community admins; audited. Module volunteer-team. 新建服务队")
    public TeamView createVolunteerTeam(@NonNull NewTeam input) {
        return TeamView.of(teams.create(input), true);
    }

    @Mutation
    @Authenticated
    @Description("Applies to a team that recruits openly; a leader accepts or declines (FORBIDDEN with reason "
            + "CLOSED_RECRUITMENT otherwise). Audited. Module volunteer-team. 申请入队")
    public MemberView applyToVolunteerTeam(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull Application input) {
        return MemberView.of(teams.apply(teamId, input));
    }

    @Mutation
    @Authenticated
    @Description("Joins a team at once with its join code (VALIDATION_FAILED with reason BAD_JOIN_CODE when wrong). "
            + "Audited. Module volunteer-team. 入队码入队")
    public MemberView joinVolunteerTeam(@NonNull @Description("The team's join code.") String code,
            @NonNull Application input) {
        return MemberView.of(teams.join(code, input));
    }

    @Mutation
    @Authenticated
    @Description("Accepts or declines an application; declining needs a reason, shown to the applicant. The team's "
            + "leaders and community admins. Audited. Module volunteer-team. 审核入队申请")
    public MemberView decideVolunteerApplication(@NonNull @Id @Description("The membership.") Long memberId,
            @Description("Accept (true) or decline (false).") boolean accept,
            @Description("Why; required when declining.") String reason) {
        return MemberView.of(teams.decide(memberId, accept, reason));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Makes a person leader, deputy or member of a team. Leaders and deputies hold the team-leader role "
            + "in the identity server while they lead a team. Community admins; audited. Module volunteer-team. 任命队长")
    public MemberView appointVolunteerTeamRole(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull @Id @Description("The person.") Long personId,
            @NonNull @Description("The role.") MemberRole role) {
        return MemberView.of(teams.appoint(teamId, personId, role));
    }

    @Mutation
    @Authenticated
    @Description("Updates the caller's skills and availability in a team. Module volunteer-team. 更新技能")
    public MemberView updateMyVolunteerSkills(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull Application input) {
        return MemberView.of(teams.updateMine(teamId, input));
    }

    @Mutation
    @Authenticated
    @Description("Leaves a team (own membership), or removes a member (the team's leaders). Audited. Module "
            + "volunteer-team. 离队")
    public MemberView leaveVolunteerTeam(@NonNull @Id @Description("The membership.") Long memberId) {
        return MemberView.of(teams.leave(memberId));
    }
}
