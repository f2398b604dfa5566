package org.linqin.culturalevent.api;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.people.service.PersonNames;
import org.linqin.culturalevent.api.EventViews.ItemView;
import org.linqin.culturalevent.api.EventViews.ResultView;
import org.linqin.culturalevent.api.EventViews.StandingView;
import org.linqin.culturalevent.api.EventViews.TeamMemberView;
import org.linqin.culturalevent.api.EventViews.TeamView;
import org.linqin.culturalevent.model.EventTeamMember;
import org.linqin.culturalevent.service.CompetitionService;
import org.linqin.culturalevent.service.EventInputs.NewItem;
import org.linqin.culturalevent.service.EventInputs.NewResult;
import org.linqin.culturalevent.service.EventInputs.NewTeam;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class CompetitionApi {

    @Inject
    CompetitionService competition;

    @Inject
    PersonNames personNames;

    @Mutation
    @Authenticated
    @Description("Forms a team of a published event with the caller as captain. Where the grid module is on the team "
            + "names its grid and the caller lives in it (CONFLICT reason NOT_IN_GRID); one team per person and event "
            + "(IN_ANOTHER_TEAM). Audited. Module cultural-event. 网格组队")
    public TeamView formCulturalEventTeam(@NonNull NewTeam input) {
        return TeamView.of(competition.form(input));
    }

    @Mutation
    @Authenticated
    @Description("Adds a person to a team: the captain or an organiser, or the person joining themself; they live in "
            + "the team's grid (NOT_IN_GRID) and are in no other team of the event (IN_ANOTHER_TEAM). Module "
            + "cultural-event. 加入队伍")
    public TeamMemberView addCulturalEventTeamMember(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull @Id @Description("The person.") Long personId) {
        EventTeamMember m = competition.add(teamId, personId);
        return new TeamMemberView(m.teamId, m.personId, m.joinedAt);
    }

    @Mutation
    @Authenticated
    @Description("Removes a member (the captain or an organiser, or the member leaving); the captain stays. Module "
            + "cultural-event. 移出队伍")
    public TeamMemberView removeCulturalEventTeamMember(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull @Id @Description("The person.") Long personId) {
        EventTeamMember m = competition.remove(teamId, personId);
        return new TeamMemberView(m.teamId, m.personId, m.joinedAt);
    }

    @Mutation
    @Authenticated
    @Description("Adds a competition item to a published event; organisers. Module cultural-event. 新增比赛项目")
    public ItemView addCulturalEventCompetitionItem(@NonNull NewItem input) {
        return ItemView.of(competition.addItem(input));
    }

    @Mutation
    @Authenticated
    @Description("Records (or replaces) a team's result in an item; organisers; audited. Module cultural-event. 录入成绩")
    public ResultView recordCulturalEventResult(@NonNull NewResult input) {
        return ResultView.of(competition.record(input));
    }

    @Query
    @PermitAll
    @Description("Teams of an event (as visible as the event). Module cultural-event. 参赛队伍")
    public List<TeamView> culturalEventTeams(@NonNull @Id @Description("The event.") Long eventId) {
        return competition.teams(eventId).stream().map(TeamView::of).toList();
    }

    @Query
    @PermitAll
    @Description("Competition items of an event with their results (as visible as the event). Module cultural-event. "
            + "比赛项目")
    public List<ItemView> culturalEventCompetitionItems(@NonNull @Id @Description("The event.") Long eventId) {
        return competition.items(eventId).stream().map(ItemView::of).toList();
    }

    @Query
    @PermitAll
    @Description("Teams by points, then items won; ties share a rank (as visible as the event). Module "
            + "cultural-event. 排行榜")
    public List<StandingView> culturalEventLeaderboard(@NonNull @Id @Description("The event.") Long eventId) {
        return competition.leaderboard(eventId).stream().map(StandingView::of).toList();
    }

    @PermitAll
    @Description("Results by rank (batched). 成绩")
    public List<List<ResultView>> results(@Source List<ItemView> of) {
        Map<Long, List<ResultView>> byItem = competition.results(of.stream().map(ItemView::id).toList()).stream()
                .collect(Collectors.groupingBy(r -> r.itemId, Collectors.mapping(ResultView::of, Collectors.toList())));
        return of.stream().map(i -> byItem.getOrDefault(i.id(), List.of())).toList();
    }

    @Description("Members (batched); members of the community. 队员")
    public List<List<TeamMemberView>> members(@Source List<TeamView> of) {
        Map<Long, List<TeamMemberView>> byTeam = competition.members(of.stream().map(TeamView::id).toList()).stream()
                .collect(Collectors.groupingBy(m -> m.teamId, Collectors.mapping(m -> new TeamMemberView(m.teamId,
                        m.personId, m.joinedAt), Collectors.toList())));
        return of.stream().map(t -> byTeam.getOrDefault(t.id(), List.of())).toList();
    }

    @Description("The member's name (batched); members of the community. 姓名")
    public List<String> name(@Source List<TeamMemberView> of) {
        return personNames.inOrder(of.stream().map(TeamMemberView::personId).toList());
    }
}
