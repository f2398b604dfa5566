package org.linqin.volunteer.service;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.Ids;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.RoleService;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.volunteer.model.MemberRole;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Recruitment;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamKind;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.service.VolunteerInputs.Application;
import org.linqin.volunteer.service.VolunteerInputs.NewTeam;

/** Teams and their members: creation, applications, join codes, leaders (who also get the team-leader role). */
@ApplicationScoped
public class TeamService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CODE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    OwnRecord ownRecord;

    @Inject
    TeamAccess access;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    RoleService roles;

    @Inject
    AuditLog audit;

    @Inject
    Neighbours neighbours;

    @Inject
    Caller caller;

    @Transactional
    public Team create(NewTeam input) {
        inputs.validate("input", input);
        List<Long> buildings = Ids.parse("input.buildingIds", input.buildingIds() == null ? List.of() : input.buildingIds());
        for (Long id : buildings) {
            lookup.require(Building.class, id, Msg.of("core.thing.building"));
        }
        if (input.gridId() != null) {
            neighbours.requireGrid(input.gridId());
        }
        if (input.leadingUnitId() != null) {
            neighbours.requireUnit(input.leadingUnitId());
        }
        if (Team.count("name", input.name().strip()) > 0) {
            throw new ConflictException(Msg.of("volunteer.team.teamNamedExistsCommunity", input.name().strip()));
        }
        Team team = new Team();
        team.name = input.name().strip();
        team.kind = input.kind();
        team.description = input.description();
        team.gridId = input.gridId();
        team.buildingIds = buildings;
        team.leadingUnitId = input.leadingUnitId();
        team.recruitment = input.recruitment();
        team.joinCode = Boolean.TRUE.equals(input.withJoinCode()) ? newJoinCode() : null;
        team.createdAt = OffsetDateTime.now();
        team.persist();
        audit.record(context.require(), "volunteer.team-created", "volunteer-team", team.id,
                Map.of("name", team.name, "kind", team.kind.name()));
        return team;
    }

    public Team team(Long id) {
        return lookup.require(Team.class, id, Msg.of("volunteer.thing.team"));
    }

    public Connection<Team> teams(TeamKind kind, PageRequest page) {
        return kind == null ? pagination.page(Team.class, null, Map.of(), page, t -> t)
                : pagination.page(Team.class, "e.kind = :kind", Map.of("kind", kind), page, t -> t);
    }

    /** The caller's teams (member or applicant). */
    public Connection<TeamMember> mine(PageRequest page) {
        Person me = ownRecord.require(Msg.of("volunteer.need.teamsJoined"));
        return pagination.page(TeamMember.class, "e.personId = :person and e.state in :states",
                Map.of("person", me.id, "states", List.of(MembershipState.APPLIED, MembershipState.ACTIVE)), page,
                m -> m);
    }

    /** A team's members, for its members and staff; leaders also see applicants and former members. */
    public Connection<TeamMember> members(Long teamId, PageRequest page) {
        team(teamId);
        if (!access.leads(teamId) && !access.isActiveMember(teamId) && !caller.hasAnyRole(Roles.STAFF)) {
            throw new ForbiddenException(Msg.of("volunteer.team.teamSMembersShown"));
        }
        List<MembershipState> states = access.leads(teamId) ? List.of(MembershipState.values())
                : List.of(MembershipState.ACTIVE);
        return pagination.page(TeamMember.class, "e.teamId = :team and e.state in :states",
                Map.of("team", teamId, "states", states), page, m -> m);
    }

    /** Applies to an OPEN team; a leader decides. */
    @Transactional
    public TeamMember apply(Long teamId, Application input) {
        inputs.validate("input", input);
        Team team = team(teamId);
        if (team.recruitment != Recruitment.OPEN) {
            throw new ForbiddenException(Msg.of("volunteer.team.teamRecruitsInvitationJoin", team.name))
                    .withReason("CLOSED_RECRUITMENT");
        }
        TeamMember member = newMembership(team, ownRecord.require(
                Msg.of("volunteer.need.teamsJoined")), input, MembershipState.APPLIED);
        audit.record(context.require(), "volunteer.applied", "volunteer-member", member.id, Map.of("team", teamId));
        return member;
    }

    /** Joins at once with the team's join code. */
    @Transactional
    public TeamMember join(String code, Application input) {
        inputs.validate("input", input);
        Team team = code == null ? null
                : Team.<Team> find("joinCode", code.strip().toUpperCase()).firstResult();
        if (team == null) {
            throw ValidationFailedException.of("code", Msg.of("volunteer.team.notJoinCodeTeam"))
                    .withReason("BAD_JOIN_CODE");
        }
        TeamMember member = newMembership(team, ownRecord.require(
                Msg.of("volunteer.need.teamsJoined")), input, MembershipState.ACTIVE);
        audit.record(context.require(), "volunteer.joined", "volunteer-member", member.id, Map.of("team", team.id));
        return member;
    }

    /** Accepts or declines an application; a decline needs a reason, shown to the applicant. */
    @Transactional
    public TeamMember decide(Long memberId, boolean accept, String reason) {
        TeamMember member = lookup.require(TeamMember.class, memberId, Msg.of("volunteer.thing.teamMember"));
        access.requireLeads(member.teamId, Msg.of("volunteer.need.applicationsDecided"));
        if (member.state != MembershipState.APPLIED) {
            throw new ConflictException(Msg.of("volunteer.team.membershipNotApplied", member.state));
        }
        if (!accept && (reason == null || reason.isBlank())) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.team.requiredWhenDecliningApplicant"));
        }
        if (reason != null && reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.team.mustMostCharacters"));
        }
        member.state = accept ? MembershipState.ACTIVE : MembershipState.DECLINED;
        member.decisionReason = reason;
        member.joinedAt = accept ? OffsetDateTime.now() : null;
        audit.record(context.require(), accept ? "volunteer.accepted" : "volunteer.declined", "volunteer-member",
                member.id, Map.of("team", member.teamId));
        return member;
    }

    /**
     * Makes a person leader, deputy or plain member of a team (a community admin's act). Leaders and deputies hold
     * the {@code team-leader} role in the identity server while they lead any team.
     */
    @Transactional
    public TeamMember appoint(Long teamId, Long personId, MemberRole role) {
        Team team = team(teamId);
        Person person = lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        TeamMember member = TeamMember.<TeamMember> find("teamId = ?1 and personId = ?2 and state in ?3", teamId,
                personId, List.of(MembershipState.APPLIED, MembershipState.ACTIVE)).firstResult();
        if (member == null) {
            member = newMembership(team, person, new Application(null, List.of(), null), MembershipState.ACTIVE);
        }
        boolean ledBefore = leadsAnyTeam(personId);
        member.role = role;
        member.state = MembershipState.ACTIVE;
        if (member.joinedAt == null) {
            member.joinedAt = OffsetDateTime.now();
        }
        member.flush();
        boolean leadsNow = leadsAnyTeam(personId);
        if (person.subject != null && leadsNow && !ledBefore) {
            roles.assign(personId, CommunityRole.TEAM_LEADER);
        } else if (person.subject != null && !leadsNow && ledBefore) {
            roles.revoke(personId, CommunityRole.TEAM_LEADER);
        }
        audit.record(context.require(), "volunteer.appointed", "volunteer-member", member.id,
                Map.of("team", teamId, "role", role.name()));
        return member;
    }

    /** The caller's own skills and availability in a team. */
    @Transactional
    public TeamMember updateMine(Long teamId, Application input) {
        inputs.validate("input", input);
        requireNoNullSkills(input);
        TeamMember member = access.membership(teamId)
                .orElseThrow(() -> new NotFoundException(Msg.of("volunteer.thing.membershipTeam"), teamId));
        member.skills = input.skills() == null ? List.of() : List.copyOf(input.skills());
        member.availability = input.availability();
        return member;
    }

    /** The caller leaves, or a leader removes a member. */
    @Transactional
    public TeamMember leave(Long memberId) {
        TeamMember member = lookup.require(TeamMember.class, memberId, Msg.of("volunteer.thing.teamMember"));
        boolean self = ownRecord.find().map(p -> p.id.equals(member.personId)).orElse(false);
        if (!self) {
            access.requireLeads(member.teamId, Msg.of("volunteer.need.membersRemoved"));
            if ((member.role == MemberRole.LEADER || member.role == MemberRole.DEPUTY) && !access.isAdmin()) {
                throw new ForbiddenException(Msg.of("volunteer.team.leadersDeputiesRemovedCommunity"));
            }
        }
        if (member.state != MembershipState.ACTIVE && member.state != MembershipState.APPLIED) {
            throw new ConflictException(Msg.of("volunteer.team.membershipAlready", member.state));
        }
        boolean ledBefore = member.leads();
        member.state = MembershipState.LEFT;
        member.flush();
        Person person = Person.findById(member.personId);
        if (ledBefore && person.subject != null && !leadsAnyTeam(member.personId)) {
            roles.revoke(member.personId, CommunityRole.TEAM_LEADER);
        }
        audit.record(context.require(), "volunteer.left", "volunteer-member", member.id,
                Map.of("team", member.teamId, "by", self ? "self" : "leader"));
        return member;
    }

    private static void requireNoNullSkills(Application input) {
        if (VolunteerInputs.holdsNull(input.skills())) {
            throw ValidationFailedException.of("input.skills", Msg.of("volunteer.team.mayNotHoldNull"));
        }
    }

    private TeamMember newMembership(Team team, Person person, Application input, MembershipState state) {
        requireNoNullSkills(input);
        if (TeamMember.count("teamId = ?1 and personId = ?2 and state in ?3", team.id, person.id,
                List.of(MembershipState.APPLIED, MembershipState.ACTIVE)) > 0) {
            throw new ConflictException(Msg.of("volunteer.team.alreadyMemberApplicant", person.name, team.name))
                    .withReason("ALREADY_MEMBER");
        }
        TeamMember member = new TeamMember();
        member.teamId = team.id;
        member.personId = person.id;
        member.role = MemberRole.MEMBER;
        member.state = state;
        member.skills = input.skills() == null ? List.of() : List.copyOf(input.skills());
        member.availability = input.availability();
        member.motivation = input.motivation();
        member.appliedAt = OffsetDateTime.now();
        member.joinedAt = state == MembershipState.ACTIVE ? member.appliedAt : null;
        member.persist();
        return member;
    }

    private boolean leadsAnyTeam(Long personId) {
        return TeamMember.count("personId = ?1 and state = ?2 and role in ?3", personId, MembershipState.ACTIVE,
                List.of(MemberRole.LEADER, MemberRole.DEPUTY)) > 0;
    }

    private static String newJoinCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(CODE_LETTERS.charAt(RANDOM.nextInt(CODE_LETTERS.length())));
        }
        return code.toString();
    }
}
