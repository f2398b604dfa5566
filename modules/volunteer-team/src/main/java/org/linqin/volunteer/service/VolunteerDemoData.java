package org.linqin.volunteer.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.people.model.Person;
import org.linqin.core.signup.SignUps;
import org.linqin.volunteer.model.Activity;
import org.linqin.volunteer.model.ActivityKind;
import org.linqin.volunteer.model.HoursEntry;
import org.linqin.volunteer.model.HoursKind;
import org.linqin.volunteer.model.HoursState;
import org.linqin.volunteer.model.MemberRole;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Recruitment;
import org.linqin.volunteer.model.Reward;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.ShiftPosition;
import org.linqin.volunteer.model.ShiftState;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamKind;
import org.linqin.volunteer.model.TeamMember;

/**
 * The case's teams, all led by the demo team leader (who holds the team-leader role): 平安哨 (patrols and school
 * escort, party members as the backbone), 满天星 (neighbourly help) and a red work team per grid (where the grid
 * module is on), with next week's 护学 and patrol shifts, some hours of last month and a few rewards.
 */
@ApplicationScoped
public class VolunteerDemoData {

    @Inject
    SignUps signUps;

    @Inject
    Neighbours neighbours;

    public void seed() {
        Person leader = person("何队长");
        Person partyMember = person("黄党员");
        Person volunteer = person("吴志愿");
        if (leader == null || partyMember == null || volunteer == null) {
            return;
        }
        Team whistle = team("平安哨", TeamKind.PATROL, "小区安全巡查与平安护学，以党员为骨干。Safety patrols and school escort.",
                Recruitment.OPEN);
        member(whistle, leader, MemberRole.LEADER, List.of("first-aid", "patrol"));
        member(whistle, partyMember, MemberRole.MEMBER, List.of("patrol"));
        member(whistle, volunteer, MemberRole.MEMBER, List.of("first-aid"));
        Team stars = team("满天星", TeamKind.ELDERLY_CARE, "邻里互助、助老服务。Neighbourly help and visits to elderly residents.",
                Recruitment.OPEN);
        member(stars, leader, MemberRole.LEADER, List.of());
        member(stars, volunteer, MemberRole.MEMBER, List.of());

        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate monday = LocalDate.now(zone).plusWeeks(1).with(DayOfWeek.MONDAY);
        Activity escort = activity(whistle, "平安护学", ActivityKind.SCHOOL_ESCORT);
        Activity patrol = activity(whistle, "夜间安全巡查", ActivityKind.PATROL);
        for (int day = 0; day < 5; day++) {
            Shift shift = shift(escort, monday.plusDays(day), 7, 20, 8, 10, "长青小学校门 (school gate)", List.of());
            position(shift, "护学岗 crossing guard", 4);
        }
        Shift night = shift(patrol, monday.plusDays(2), 19, 30, 21, 0, "6号院 compound", List.of("patrol"));
        signUps.take(position(night, "巡查员 patrol", 3), leader.id);
        LocalDate lastMonth = LocalDate.now(zone).minusMonths(1).withDayOfMonth(10);
        hours(leader, whistle, lastMonth, 120);
        hours(volunteer, whistle, lastMonth.plusDays(1), 50);
        // each grid's red work team (网格红色工作队), which collects residents' opinions
        for (var grid : neighbours.gridsIfEnabled()) {
            Team red = team(grid.name() + "红色工作队", TeamKind.GRID_RED_WORK_TEAM,
                    "收集居民意见建议，形成愿景清单。Collects residents' opinions for the wish list.", Recruitment.CLOSED);
            red.gridId = grid.id();
            member(red, leader, MemberRole.LEADER, List.of());
            member(red, partyMember, MemberRole.MEMBER, List.of());
        }
        reward("社区学堂课程名额 (a course seat)", 200, 10);
        reward("邻亲邻里文化节纪念品 (festival gift)", 100, 30);
    }

    private static Person person(String name) {
        return Person.<Person> find("name", name).firstResult();
    }

    private static Team team(String name, TeamKind kind, String description, Recruitment recruitment) {
        Team team = new Team();
        team.name = name;
        team.kind = kind;
        team.description = description;
        team.recruitment = recruitment;
        team.createdAt = OffsetDateTime.now();
        team.persist();
        return team;
    }

    private static void member(Team team, Person person, MemberRole role, List<String> skills) {
        TeamMember member = new TeamMember();
        member.teamId = team.id;
        member.personId = person.id;
        member.role = role;
        member.state = MembershipState.ACTIVE;
        member.skills = skills;
        member.appliedAt = OffsetDateTime.now();
        member.joinedAt = member.appliedAt;
        member.persist();
    }

    private static Activity activity(Team team, String title, ActivityKind kind) {
        Activity activity = new Activity();
        activity.teamId = team.id;
        activity.title = title;
        activity.kind = kind;
        activity.createdAt = OffsetDateTime.now();
        activity.persist();
        return activity;
    }

    private static Shift shift(Activity activity, LocalDate day, int fromHour, int fromMinute, int toHour,
            int toMinute, String place, List<String> requirements) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        Shift shift = new Shift();
        shift.activityId = activity.id;
        shift.teamId = activity.teamId;
        shift.startsAt = day.atTime(fromHour, fromMinute).atZone(zone).toOffsetDateTime();
        shift.endsAt = day.atTime(toHour, toMinute).atZone(zone).toOffsetDateTime();
        shift.placeName = place;
        shift.requirements = requirements;
        shift.selfSignUp = true;
        shift.state = ShiftState.OPEN;
        shift.createdAt = OffsetDateTime.now();
        shift.persist();
        return shift;
    }

    private Long position(Shift shift, String name, int needed) {
        ShiftPosition position = new ShiftPosition();
        position.shiftId = shift.id;
        position.name = name;
        position.listId = signUps.open(needed, true).id;
        position.persist();
        return position.listId;
    }

    private static void hours(Person person, Team team, LocalDate day, int minutes) {
        HoursEntry entry = new HoursEntry();
        entry.personId = person.id;
        entry.teamId = team.id;
        entry.kind = HoursKind.BACKFILLED;
        entry.state = HoursState.APPROVED;
        entry.minutes = minutes;
        entry.workedOn = day;
        entry.reason = "纸质签到表补录 (paper sign-in sheet)";
        entry.recordedBy = "demo data";
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
    }

    private static void reward(String name, int cost, int stock) {
        Reward reward = new Reward();
        reward.name = name;
        reward.cost = cost;
        reward.stock = stock;
        reward.persist();
    }
}
