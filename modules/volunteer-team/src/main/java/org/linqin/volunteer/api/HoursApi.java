package org.linqin.volunteer.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Roles;
import org.linqin.volunteer.api.VolunteerViews.HoursView;
import org.linqin.volunteer.api.VolunteerViews.MonthView;
import org.linqin.volunteer.api.VolunteerViews.PointsView;
import org.linqin.volunteer.api.VolunteerViews.RankedView;
import org.linqin.volunteer.api.VolunteerViews.RecordView;
import org.linqin.volunteer.api.VolunteerViews.PersonHoursView;
import org.linqin.volunteer.api.VolunteerViews.RewardView;
import org.linqin.volunteer.api.VolunteerViews.ServiceRecordView;
import org.linqin.volunteer.api.VolunteerViews.TeamStatisticsView;
import org.linqin.volunteer.service.HoursService;
import org.linqin.volunteer.service.HoursService.Totals;
import org.linqin.volunteer.model.ServiceRecord;
import org.linqin.volunteer.service.PointsService;
import org.linqin.volunteer.service.ServiceRecords;
import org.linqin.volunteer.service.StarLevels;
import org.linqin.volunteer.service.TeamService;
import org.linqin.volunteer.service.VolunteerInputs.Backfill;
import org.linqin.volunteer.service.VolunteerInputs.NewReward;
import org.linqin.volunteer.service.VolunteerStatistics;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class HoursApi {

    @Inject
    HoursService hours;

    @Inject
    PointsService points;

    @Inject
    TeamService teams;

    @Inject
    ServiceRecords records;

    @Inject
    VolunteerStatistics statistics;

    @Query
    @Authenticated
    @Description("A person's service record for [from, to): teams, activities, hours per month and in total. The "
            + "caller's own by default; another's for their team leaders and community admins. Module volunteer-team. "
            + "志愿服务记录")
    public ServiceRecordView volunteerServiceRecord(@Id @Description("The person; the caller when left out.") Long personId,
            @NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to) {
        return ServiceRecordView.of(records.content(personId, from, to), null);
    }

    @Mutation
    @Authenticated
    @Description("Issues a printable service record (志愿服务记录证明) behind an unguessable link (`printPath`, an "
            + "HTML page that anyone holding the link may open and print). Same readers as volunteerServiceRecord; "
            + "audited. Module volunteer-team. 出具服务记录证明")
    public ServiceRecordView issueVolunteerServiceRecord(@Id @Description("The person; the caller when left out.") Long personId,
            @NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to) {
        ServiceRecord issued = records.issue(personId, from, to);
        return ServiceRecordView.of(records.content(issued.personId, from, to), ServiceRecords.PAGE_PATH + issued.token);
    }

    @Query
    @Authenticated
    @Description("Approved hours per person in [from, to) (at most 5 years), of one team (its leaders) or of all "
            + "teams (community admins), by person id. Module volunteer-team. 时长汇总")
    public Connection<PersonHoursView> volunteerHoursReport(@NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to,
            @Id @Description("Only this team's hours. 服务队") Long teamId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        if (teamId != null) {
            teams.team(teamId);
        }
        return statistics.hoursByPerson(from, to, teamId, PageRequest.of(first, after))
                .map(p -> new PersonHoursView(p.personId(), p.name(), p.verifiedMinutes() / 60.0,
                        p.backfilledMinutes() / 60.0));
    }

    @Query
    @Authenticated
    @Description("A team's figures for shifts starting in [from, to): fill rate, no-show rate, active volunteers, "
            + "hours. Module volunteer-team. 服务队统计")
    public TeamStatisticsView volunteerTeamStatistics(@NonNull @Id @Description("The team.") Long teamId,
            @NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to) {
        teams.team(teamId);
        VolunteerStatistics.TeamFigures f = statistics.team(teamId, from, to);
        return new TeamStatisticsView(teamId, (int) f.shifts(), (int) f.places(), (int) f.placesTaken(),
                f.places() == 0 ? 0 : (double) f.placesTaken() / f.places(), (int) f.noShows(),
                f.settledTaken() == 0 ? 0 : (double) f.noShows() / f.settledTaken(), (int) f.activeVolunteers(),
                (int) f.members(), f.verifiedMinutes() / 60.0);
    }

    @Query
    @Authenticated
    @Description("A person's volunteering at a glance: hours, star level, points. The caller's own by default; "
            + "another's for their team leaders and community admins. Module volunteer-team. 志愿档案")
    public RecordView volunteerRecord(@Id @Description("The person; the caller when left out.") Long personId) {
        Totals totals = hours.totals(personId);
        Long person = personId != null ? personId : hours.ownPersonId();
        StarLevels levels = hours.starLevels();
        return new RecordView(person, totals.verifiedMinutes() / 60.0, totals.backfilledMinutes() / 60.0,
                levels.level(totals.verifiedMinutes()), levels.hoursToNext(totals.verifiedMinutes()).orElse(null),
                points.balance(person));
    }

    @Query
    @Authenticated
    @Description("A person's hours ledger (all states). The caller's own by default. Module volunteer-team. 时长明细")
    public Connection<HoursView> volunteerHours(@Id @Description("The person; the caller when left out.") Long personId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return hours.ledger(personId, PageRequest.of(first, after)).map(HoursView::of);
    }

    @Query
    @Authenticated
    @Description("Approved hours per month in [from, to) of a person (default the caller) or of a team. Module "
            + "volunteer-team. 月度时长")
    public List<MonthView> volunteerMonths(@Id @Description("The person.") Long personId,
            @Id @Description("The team (instead of a person).") Long teamId,
            @NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to) {
        if (personId != null && teamId != null) {
            throw ValidationFailedException.of("teamId", Msg.of("volunteer.hoursApi.givePersonTeamNot"));
        }
        if (teamId != null) {
            teams.team(teamId);
        }
        return hours.months(teamId == null ? hours.readable(personId) : null, teamId, from, to).stream()
                .map(m -> new MonthView(m.month(), m.verifiedMinutes() / 60.0, m.backfilledMinutes() / 60.0)).toList();
    }

    @Query
    @Authenticated
    @Description("People with the most verified hours, among those who opted in. Module volunteer-team. 排行榜")
    public List<RankedView> volunteerLeaderboard(@Description("How many, 1 to 100 (default 10).") Integer first) {
        int size = first == null ? 10 : first;
        if (size < 1 || size > 100) {
            throw ValidationFailedException.of("first", Msg.of("volunteer.hoursApi.must"));
        }
        return hours.leaderboard(size).stream()
                .map(r -> new RankedView(r.personId(), r.name(), r.verifiedMinutes() / 60.0)).toList();
    }

    @Query
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Back-filled hours and corrections waiting for approval. Community admins. Module volunteer-team. "
            + "待审核时长")
    public Connection<HoursView> pendingVolunteerHours(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return hours.pending(PageRequest.of(first, after)).map(HoursView::of);
    }

    @Mutation
    @Authenticated
    @Description("Enters hours served without check-in, with a reason; PENDING until a community admin decides. "
            + "The team's leaders; audited. Module volunteer-team. 补录时长")
    public HoursView backfillVolunteerHours(@NonNull Backfill input) {
        return HoursView.of(hours.backfill(input));
    }

    @Mutation
    @Authenticated
    @Description("Corrects an entry with a new one (entries are never edited): positive or negative minutes and a "
            + "reason; a leader's correction waits for approval, a community admin's counts at once. Audited. Module "
            + "volunteer-team. 更正时长")
    public HoursView correctVolunteerHours(@NonNull @Id @Description("The entry corrected.") Long entryId,
            @Description("Minutes to add (negative to take away), -1440 to 1440.") int minutes,
            @NonNull @Description("Why.") String reason) {
        return HoursView.of(hours.correct(entryId, minutes, reason));
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Approves or declines a pending entry; declining needs a reason. Community admins; audited. Module "
            + "volunteer-team. 审核时长")
    public HoursView decideVolunteerHours(@NonNull @Id @Description("The entry.") Long entryId,
            @Description("Approve (true) or decline (false).") boolean approve,
            @Description("Why; required when declining.") String reason) {
        return HoursView.of(hours.decide(entryId, approve, reason));
    }

    @Mutation("setVolunteerLeaderboardOptIn")
    @Authenticated
    @Description("Whether the caller appears on the leaderboard (off until chosen). Module volunteer-team. 排行榜公开")
    public boolean setVolunteerLeaderboardOptIn(@Description("Appear (true) or not.") boolean optIn) {
        return points.setLeaderboardOptIn(optIn);
    }

    @Query
    @Authenticated
    @Description("The rewards one may redeem points for. Module volunteer-team. 积分兑换")
    public Connection<RewardView> volunteerRewards(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return points.rewards(PageRequest.of(first, after)).map(RewardView::of);
    }

    @Query
    @Authenticated
    @Description("A person's points ledger; the caller's own by default. Module volunteer-team. 积分明细")
    public Connection<PointsView> volunteerPoints(@Id @Description("The person; the caller when left out.") Long personId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return points.ledger(personId, PageRequest.of(first, after)).map(PointsView::of);
    }

    @Mutation
    @RolesAllowed(Roles.COMMUNITY_ADMIN)
    @Description("Adds a reward to the catalogue. Community admins; audited. Module volunteer-team. 新增兑换项目")
    public RewardView createVolunteerReward(@NonNull NewReward input) {
        return RewardView.of(points.createReward(input));
    }

    @Mutation
    @Authenticated
    @Description("Redeems a reward: one of its stock and its cost in points (CONFLICT with reason OUT_OF_STOCK or "
            + "INSUFFICIENT_POINTS; nothing changes then). Audited. Module volunteer-team. 兑换")
    public PointsView redeemVolunteerReward(@NonNull @Id @Description("The reward.") Long rewardId) {
        return PointsView.of(points.redeem(rewardId));
    }
}
