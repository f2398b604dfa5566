package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.KeycloakAdmin;
import org.linqin.server.support.Volunteers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The volunteer-team module through HTTP, as a client calls it: teams and members, and who may manage what. */
@QuarkusTest
class VolunteerTeamTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CREATE = "mutation($n: String!, $r: VolunteerRecruitment!, $b: [String]) { createVolunteerTeam("
            + "input: {name: $n, kind: PATROL, recruitment: $r, withJoinCode: true, buildingIds: $b}) { id joinCode } }";
    static final String APPOINT = "mutation($t: ID!, $p: ID!, $r: VolunteerRole!) { appointVolunteerTeamRole(teamId: $t, "
            + "personId: $p, role: $r) { id role state } }";
    static final String APPLY = "mutation($t: ID!) { applyToVolunteerTeam(teamId: $t, input: {motivation: \"想帮忙\", "
            + "skills: [\"first-aid\"]}) { id state } }";
    static final String DECIDE = "mutation($m: ID!, $a: Boolean!, $r: String) { decideVolunteerApplication(memberId: $m, "
            + "accept: $a, reason: $r) { id state decisionReason } }";

    @Inject
    AgroalDataSource db;

    static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    static String reason(JsonPath response) {
        return response.getString("errors[0].extensions.reason");
    }

    @Test
    void teamsAreJoinedByApplicationOrCodeAndLedOnlyByTheirLeaders() {
        Api admin = Api.as("community-admin");
        String name = "巡逻队-" + UUID.randomUUID();
        JsonPath created = ok(admin.gql(CREATE, vars("n", name, "r", "OPEN")));
        String team = created.getString("data.createVolunteerTeam.id");
        String code = created.getString("data.createVolunteerTeam.joinCode");
        assertThat(code).matches("[A-Z2-9]{8}");
        assertThat(codes(admin.gql(CREATE, vars("n", name, "r", "OPEN")))).containsExactly("CONFLICT");
        assertThat(codes(admin.gql(CREATE, vars("n", " ", "r", "OPEN")))).containsExactly("VALIDATION_FAILED");
        assertThat(codes(admin.gql(CREATE, vars("n", "x" + UUID.randomUUID(), "r", "OPEN", "b", List.of("楼")))))
                .containsExactly("VALIDATION_FAILED");
        assertThat(codes(admin.gql(CREATE, vars("n", "x" + UUID.randomUUID(), "r", "OPEN", "b", List.of("1")))))
                .containsExactly("NOT_FOUND");
        assertThat(codes(Api.as("resident").gql(CREATE, vars("n", "x" + UUID.randomUUID(), "r", "OPEN"))))
                .containsExactly("FORBIDDEN");

        // A leader appointed by the admin holds the team-leader role in Keycloak while leading.
        JsonPath owner = ok(Api.as("owners-committee").gql("{ me { subject person { id } } }"));
        String ownerPerson = owner.getString("data.me.person.id");
        String ownerSubject = owner.getString("data.me.subject");
        ok(admin.gql(APPOINT, vars("t", team, "p", ownerPerson, "r", "LEADER")));
        assertThat(KeycloakAdmin.groupsOf(ownerSubject)).contains("/communities/changqing-6/team-leader");
        Api.freshToken("owners-committee");
        assertThat(ok(Api.as("owners-committee").gql("{ me { roles } }")).getList("data.me.roles"))
                .contains("team-leader");
        assertThat(ok(Api.as("owners-committee").gql("query($t: ID!) { volunteerTeam(id: $t) { joinCode } }",
                vars("t", team))).getString("data.volunteerTeam.joinCode")).isEqualTo(code);

        // Applications: a leader of another team may not decide; a decline needs a reason the applicant sees.
        String application = ok(Api.as("resident").gql(APPLY, vars("t", team)))
                .getString("data.applyToVolunteerTeam.id");
        JsonPath again = Api.as("resident").gql(APPLY, vars("t", team));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(reason(again)).isEqualTo("ALREADY_MEMBER");
        assertThat(codes(Api.as("team-leader").gql(DECIDE, vars("m", application, "a", false, "r", "no"))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("owners-committee").gql(DECIDE, vars("m", application, "a", false))))
                .containsExactly("VALIDATION_FAILED");
        JsonPath declined = ok(Api.as("owners-committee").gql(DECIDE, vars("m", application, "a", false,
                "r", "本队暂满，欢迎加入平安哨")));
        assertThat(declined.getString("data.decideVolunteerApplication.state")).isEqualTo("DECLINED");
        assertThat(codes(Api.as("owners-committee").gql(DECIDE, vars("m", application, "a", true))))
                .containsExactly("CONFLICT");
        String second = ok(Api.as("resident").gql(APPLY, vars("t", team))).getString("data.applyToVolunteerTeam.id");
        assertThat(ok(Api.as("owners-committee").gql(DECIDE, vars("m", second, "a", true)))
                .getString("data.decideVolunteerApplication.state")).isEqualTo("ACTIVE");
        // members see the team but not its join code; the leader sees the declined application too
        assertThat(ok(Api.as("resident").gql("query($t: ID!) { volunteerTeam(id: $t) { joinCode } }",
                vars("t", team))).getString("data.volunteerTeam.joinCode")).isNull();
        assertThat(ok(Api.as("owners-committee").gql("query($t: ID!) { volunteerTeamMembers(teamId: $t) { edges { "
                + "node { state decisionReason } } } }", vars("t", team))).getList(
                "data.volunteerTeamMembers.edges.node.state")).contains("DECLINED", "ACTIVE", "ACTIVE");
        assertThat(ok(Api.as("resident").gql("query($t: ID!) { volunteerTeamMembers(teamId: $t) { edges { "
                + "node { state } } } }", vars("t", team))).getList("data.volunteerTeamMembers.edges.node.state"))
                .containsOnly("ACTIVE");

        // Join codes: any case, a wrong one says so.
        ok(Api.as("volunteer").gql("mutation($c: String!) { joinVolunteerTeam(code: $c, input: {}) { id } }",
                vars("c", code.toLowerCase())));
        JsonPath wrong = Api.as("volunteer").gql("mutation { joinVolunteerTeam(code: \"ZZZZ\", input: {}) { id } }");
        assertThat(codes(wrong)).containsExactly("VALIDATION_FAILED");
        assertThat(reason(wrong)).isEqualTo("BAD_JOIN_CODE");
        assertThat(codes(Api.as("party-member").gql("mutation($c: String!) { joinVolunteerTeam(code: $c, input: "
                + "{skills: [null]}) { id } }", vars("c", code)))).containsExactly("VALIDATION_FAILED");
        JsonPath badSkill = Api.as("party-member").gql("mutation($c: String!) { joinVolunteerTeam(code: $c, input: "
                + "{skills: [\"<script>\"]}) { id } }", vars("c", code));
        assertThat(codes(badSkill)).containsExactly("VALIDATION_FAILED");

        // A closed team takes no applications.
        String closed = ok(admin.gql(CREATE, vars("n", "定向-" + UUID.randomUUID(), "r", "CLOSED")))
                .getString("data.createVolunteerTeam.id");
        JsonPath refused = Api.as("resident").gql(APPLY, vars("t", closed));
        assertThat(codes(refused)).containsExactly("FORBIDDEN");
        assertThat(reason(refused)).isEqualTo("CLOSED_RECRUITMENT");

        // A deputy manages members but may not remove the leader.
        ok(admin.gql(APPOINT, vars("t", team, "p", Volunteers.personId("volunteer"), "r", "DEPUTY")));
        String leaderMembership = ok(admin.gql("query($t: ID!) { volunteerTeamMembers(teamId: $t, first: 100) { edges "
                + "{ node { id role } } } }", vars("t", team)))
                .getString("data.volunteerTeamMembers.edges.find { it.node.role == 'LEADER' }.node.id");
        assertThat(codes(Api.as("volunteer").gql("mutation($m: ID!) { leaveVolunteerTeam(memberId: $m) { state } }",
                vars("m", leaderMembership)))).containsExactly("FORBIDDEN");
        ok(admin.gql(APPOINT, vars("t", team, "p", Volunteers.personId("volunteer"), "r", "MEMBER")));

        // Stepping down takes the role away again.
        String ownMembership = ok(Api.as("owners-committee").gql("{ myVolunteerTeams { edges { node { id teamId } } } }"))
                .getString("data.myVolunteerTeams.edges.find { it.node.teamId == '" + team + "' }.node.id");
        ok(Api.as("owners-committee").gql("mutation($m: ID!) { leaveVolunteerTeam(memberId: $m) { state } }",
                vars("m", ownMembership)));
        assertThat(KeycloakAdmin.groupsOf(ownerSubject)).doesNotContain("/communities/changqing-6/team-leader");
        assertThat(Db.count(db, "select count(*) from audit_log where action like 'volunteer.%' and community_code = "
                + "'changqing-6' and target_id in (?, ?)", application, second)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void anotherCommunitySeesNothingAndADisabledModuleChangesNothing() {
        Map<String, String> team = Volunteers.team("PATROL");
        // a member of another community is not a member here
        JsonPath outsider = Api.as("second-resident").in("changqing-6").gql(APPLY, vars("t", team.get("id")));
        assertThat(codes(outsider)).containsExactly("FORBIDDEN");
        assertThat(outsider.getString("errors[0].message")).contains("not a member");
        // the module is off in demo-second: nothing is written
        long before = Db.count(db, "select count(*) from volunteer_teams");
        JsonPath disabled = Api.as("second-admin").in("demo-second").gql(CREATE, vars("n", "x", "r", "OPEN"));
        assertThat(codes(disabled)).containsExactly("MODULE_DISABLED");
        assertThat(codes(Api.as("second-resident").gql("{ volunteerTeams { totalCount } }")))
                .containsExactly("MODULE_DISABLED");
        assertThat(Db.count(db, "select count(*) from volunteer_teams")).isEqualTo(before);
        // in a community with the module on, a team id of changqing-6 is not found
        Api platform = Api.as("admin");
        String code = ModuleEnablementTest.newCommunity(platform);
        ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", code, "m", "volunteer-team")));
        assertThat(codes(platform.in(code).gql("query($t: ID!) { volunteerTeam(id: $t) { name } }",
                vars("t", team.get("id"))))).containsExactly("NOT_FOUND");
        assertThat(codes(platform.in(code).gql("query($t: ID!) { volunteerTeamMembers(teamId: $t) { totalCount } }",
                vars("t", team.get("id"))))).containsExactly("NOT_FOUND");
        assertThat(ok(platform.in(code).gql("{ volunteerTeams { totalCount } }")).getInt("data.volunteerTeams.totalCount"))
                .isZero();
    }

    @Test
    void signUpRefusalsNameTheRuleBroken() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of("first-aid"));
        // a week two weeks ahead, community time: Monday to Thursday
        LocalDate monday = LocalDate.now(ZONE).plusWeeks(2).with(DayOfWeek.MONDAY);
        String a = Volunteers.shift(activity, at(monday, 9), at(monday, 12), 1, List.of(), true, true);
        String overlapping = Volunteers.shift(activity, at(monday, 11), at(monday, 13), 1, List.of(), true, false);
        String needsPatrol = Volunteers.shift(activity, at(monday.plusDays(8), 18), at(monday.plusDays(8), 19), 1,
                List.of("patrol"), true, false);
        String sameDay = Volunteers.shift(activity, at(monday, 13), at(monday, 19), 1, List.of(), true, false);
        String tuesday = Volunteers.shift(activity, at(monday.plusDays(1), 8), at(monday.plusDays(1), 16), 2, List.of(), true, false);
        String wednesday = Volunteers.shift(activity, at(monday.plusDays(2), 8), at(monday.plusDays(2), 16), 2, List.of(), true, false);
        String thursday = Volunteers.shift(activity, at(monday.plusDays(3), 8), at(monday.plusDays(3), 10), 2, List.of(), true, false);
        String assignedOnly = Volunteers.shift(activity, at(monday.plusDays(4), 8), at(monday.plusDays(4), 9), 2, List.of(), false, false);
        OffsetDateTime soon = OffsetDateTime.now().plusMinutes(20).truncatedTo(ChronoUnit.MINUTES);
        String startingSoon = Volunteers.shift(activity, soon, soon.plusHours(1), 2, List.of(), true, false);

        Api resident = Api.as("resident");
        assertRefused(Api.as("owners-committee").gql(SIGN_UP, vars("s", a)), "FORBIDDEN", "NOT_MEMBER");
        JsonPath taken = ok(resident.gql(SIGN_UP, vars("s", a)));
        assertThat(taken.getString("data.signUpForVolunteerShift.state")).isEqualTo("CONFIRMED");
        assertRefused(resident.gql(SIGN_UP, vars("s", a)), "CONFLICT", "ALREADY_SIGNED_UP");
        assertRefused(resident.gql(SIGN_UP, vars("s", overlapping)), "CONFLICT", "OVERLAP");
        assertRefused(resident.gql(SIGN_UP, vars("s", needsPatrol)), "VALIDATION_FAILED", "REQUIREMENT_MISSING");
        assertRefused(resident.gql(SIGN_UP, vars("s", sameDay)), "VALIDATION_FAILED", "OVER_DAILY_CAP");
        ok(resident.gql(SIGN_UP, vars("s", tuesday)));
        ok(resident.gql(SIGN_UP, vars("s", wednesday)));
        assertRefused(resident.gql(SIGN_UP, vars("s", thursday)), "VALIDATION_FAILED", "OVER_WEEKLY_CAP");
        assertRefused(resident.gql(SIGN_UP, vars("s", assignedOnly)), "VALIDATION_FAILED", "CLOSED");
        assertRefused(resident.gql(SIGN_UP, vars("s", startingSoon)), "VALIDATION_FAILED", "TOO_LATE");
        // the requirement is met once the member says they hold it
        ok(resident.gql("mutation($t: ID!) { updateMyVolunteerSkills(teamId: $t, input: {skills: [\"first-aid\", "
                + "\"patrol\"]}) { id } }", vars("t", team.get("id"))));
        ok(resident.gql(SIGN_UP, vars("s", needsPatrol)));

        // A full shift with a waiting list: the next one waits and moves up when a place frees.
        Volunteers.join("volunteer", team.get("joinCode"), List.of());
        assertThat(ok(Api.as("volunteer").gql(SIGN_UP, vars("s", a))).getString("data.signUpForVolunteerShift.state"))
                .isEqualTo("WAITING");
        assertRefused(Api.as("volunteer").gql(SIGN_UP, vars("s", overlapping)), "CONFLICT", "OVERLAP");
        JsonPath cancelled = ok(resident.gql("mutation($s: ID!) { cancelVolunteerSignUp(shiftId: $s) { state "
                + "lateCancellation } }", vars("s", a)));
        assertThat(cancelled.getString("data.cancelVolunteerSignUp.state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getBoolean("data.cancelVolunteerSignUp.lateCancellation")).isFalse();
        JsonPath roster = ok(Api.as("volunteer").gql("query($s: ID!) { volunteerShiftRoster(shiftId: $s) { personId "
                + "state } volunteerShift(id: $s) { positions { taken free } } }", vars("s", a)));
        assertThat(roster.getList("data.volunteerShiftRoster.state")).containsExactly("CANCELLED", "CONFIRMED");
        assertThat(roster.getInt("data.volunteerShift.positions[0].taken")).isEqualTo(1);
        assertThat(codes(Api.as("owners-committee").gql("query($s: ID!) { volunteerShiftRoster(shiftId: $s) { id } }",
                vars("s", a)))).containsExactly("FORBIDDEN");

        // Without a waiting list a full shift says FULL; a cancelled shift is CLOSED.
        String single = Volunteers.shift(activity, at(monday.plusDays(9), 9), at(monday.plusDays(9), 10), 1,
                List.of(), true, false);
        ok(Api.as("volunteer").gql(SIGN_UP, vars("s", single)));
        assertRefused(resident.gql(SIGN_UP, vars("s", single)), "CONFLICT", "FULL");
        ok(Api.as("team-leader").gql("mutation($s: ID!) { cancelVolunteerShift(shiftId: $s, reason: \"下雨\") { state } }",
                vars("s", single)));
        assertRefused(resident.gql(SIGN_UP, vars("s", single)), "VALIDATION_FAILED", "CLOSED");
        assertThat(Db.count(db, "select count(*) from sign_ups u join volunteer_shift_positions p on p.list_id = "
                + "u.list_id where p.shift_id = ? and u.state = 'CONFIRMED'", Long.parseLong(single))).isZero();

        // Cancelling within the cut-off (two hours by default) is recorded as late.
        OffsetDateTime inAnHour = OffsetDateTime.now().plusMinutes(61).truncatedTo(ChronoUnit.MINUTES);
        String nearly = Volunteers.shift(activity, inAnHour, inAnHour.plusMinutes(30), 2, List.of(), true, false);
        // (someone without shifts around now: other tests give the resident some)
        Volunteers.join("partner-staff", team.get("joinCode"), List.of());
        ok(Api.as("partner-staff").gql(SIGN_UP, vars("s", nearly)));
        assertThat(ok(Api.as("partner-staff").gql("mutation($s: ID!) { cancelVolunteerSignUp(shiftId: $s) { "
                + "lateCancellation } }", vars("s", nearly))).getBoolean("data.cancelVolunteerSignUp.lateCancellation"))
                .isTrue();
        assertThat(ok(resident.gql("{ myVolunteerSignUps(first: 100) { edges { node { state shift { id } } } } }"))
                .getList("data.myVolunteerSignUps.edges.node.shift.id")).contains(a, tuesday, needsPatrol);
    }

    @Test
    void recurringShiftsSkipClosureDatesAndBadSchedulesAreRefused() {
        Map<String, String> team = Volunteers.team("SCHOOL_ESCORT");
        String activity = Volunteers.activity(team.get("id"));
        LocalDate monday = LocalDate.now(ZONE).plusWeeks(1).with(DayOfWeek.MONDAY);
        LocalDate holiday = monday.plusDays(2);
        String repeat = "mutation($a: ID!, $s: DateTime!, $e: DateTime!, $u: Date!, $skip: [Date]) { "
                + "scheduleVolunteerShifts(input: {activityId: $a, startsAt: $s, endsAt: $e, placeName: \"校门\", "
                + "positions: [{name: \"护学岗\", needed: 4}], selfSignUp: true, waitingList: false, repeat: {weekdays: "
                + "[1, 2, 3, 4, 5], until: $u, skipDates: $skip}}) { startsAt seriesId } }";
        JsonPath series = ok(Api.as("team-leader").gql(repeat, vars("a", activity, "s", monday + "T07:20:00+08:00",
                "e", monday + "T08:10:00+08:00", "u", monday.plusDays(11).toString(), "skip", List.of(holiday.toString()))));
        List<String> starts = series.getList("data.scheduleVolunteerShifts.startsAt");
        assertThat(starts).hasSize(9);
        assertThat(starts).noneMatch(s -> s.startsWith(holiday.toString()));
        assertThat(starts).allMatch(s -> OffsetDateTime.parse(s).atZoneSameInstant(ZONE).toLocalTime().toString()
                .equals("07:20"));
        assertThat(starts).noneMatch(s -> OffsetDateTime.parse(s).atZoneSameInstant(ZONE).getDayOfWeek().getValue() > 5);
        assertThat(series.getList("data.scheduleVolunteerShifts.seriesId")).doesNotContainNull().hasSize(9);

        Api leader = Api.as("team-leader");
        assertThat(codes(leader.gql(repeat, vars("a", activity, "s", monday + "T07:20:00+08:00", "e",
                monday + "T08:10:00+08:00", "u", monday.plusYears(2).toString())))).containsExactly("VALIDATION_FAILED");
        Map<String, Object> bad = new HashMap<>(vars("a", activity, "s", at(monday, 9).toString(),
                "e", at(monday, 8).toString(), "p", List.of(Map.of("name", "x", "needed", 1)), "self", true, "wait", false));
        assertThat(codes(leader.gql(Volunteers.SCHEDULE, bad))).containsExactly("VALIDATION_FAILED");
        bad.put("e", at(monday, 9).plusHours(25).toString());
        assertThat(codes(leader.gql(Volunteers.SCHEDULE, bad))).containsExactly("VALIDATION_FAILED");
        bad.put("e", at(monday, 10).toString());
        bad.put("p", List.of(Map.of("name", "x", "needed", 0)));
        assertThat(codes(leader.gql(Volunteers.SCHEDULE, bad))).containsExactly("VALIDATION_FAILED");
        bad.put("p", List.of(Map.of("name", "x", "needed", 1), Map.of("name", "x", "needed", 2)));
        assertThat(codes(leader.gql(Volunteers.SCHEDULE, bad))).containsExactly("VALIDATION_FAILED");
        bad.put("p", List.of(Map.of("name", "x", "needed", 1)));
        bad.put("s", at(monday.minusWeeks(3), 9).toString());
        bad.put("e", at(monday.minusWeeks(3), 10).toString());
        assertThat(codes(leader.gql(Volunteers.SCHEDULE, bad))).containsExactly("VALIDATION_FAILED");
        // only the team's leaders schedule
        bad.put("s", at(monday, 9).toString());
        bad.put("e", at(monday, 10).toString());
        assertThat(codes(Api.as("volunteer").gql(Volunteers.SCHEDULE, bad))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("resident").gql("mutation($t: ID!) { createVolunteerActivity(input: {teamId: $t, "
                + "title: \"x\", kind: PATROL}) { id } }", vars("t", team.get("id"))))).containsExactly("FORBIDDEN");
        // open shifts list the series with their positions
        JsonPath open = ok(Api.as("resident").gql("query($f: DateTime!, $t: DateTime!, $team: ID) { openVolunteerShifts("
                + "from: $f, to: $t, teamId: $team, first: 100) { totalCount edges { node { id positions { name needed "
                + "free } } } } }", vars("f", at(monday, 0).toString(), "t", at(monday.plusDays(14), 0).toString(),
                "team", team.get("id"))));
        assertThat(open.getInt("data.openVolunteerShifts.totalCount")).isEqualTo(9);
        assertThat(open.getList("data.openVolunteerShifts.edges.node.positions.flatten().free")).containsOnly(4);
        assertThat(codes(Api.as("resident").gql("query($f: DateTime!) { openVolunteerShifts(from: $f, to: $f) "
                + "{ totalCount } }", vars("f", at(monday, 0).toString())))).containsExactly("VALIDATION_FAILED");
    }

    static final String SIGN_UP = "mutation($s: ID!) { signUpForVolunteerShift(shiftId: $s) { id state } }";

    static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    static void assertRefused(JsonPath response, String code, String reason) {
        assertThat(codes(response)).as(response.prettify()).containsExactly(code);
        assertThat(reason(response)).as(response.prettify()).isEqualTo(reason);
    }
}
