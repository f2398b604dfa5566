package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Rooms;
import org.linqin.server.support.Volunteers;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The volunteer-team module with and without the modules it uses (grid, organisation) and used by facility-booking:
 * through their published interfaces where they are on, MODULE_DISABLED for what belongs to one that is off, and
 * everything else working.
 */
@QuarkusTest
class VolunteerNeighboursTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String FINDING = "mutation($s: ID!) { reportVolunteerFinding(shiftId: $s, input: {category: \"safety\", "
            + "description: \"消防通道被电动车堵塞\"}) { incidentId } }";

    @Test
    void aPatrolFindingBecomesAnIncidentOfTheGridReportedByTheVolunteer() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of());
        String building = ok(Api.as("community-admin").gql("{ community { compounds(first: 1) { edges { node { "
                + "buildings { id } } } } } }")).getString("data.community.compounds.edges[0].node.buildings[0].id");
        OffsetDateTime start = OffsetDateTime.now().plusDays(3).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> shiftInput = new HashMap<>(vars("a", activity, "s", start.toString(),
                "e", start.plusHours(1).toString(), "b", building));
        String shift = ok(Api.as("team-leader").gql("mutation($a: ID!, $s: DateTime!, $e: DateTime!, $b: ID) { "
                + "scheduleVolunteerShifts(input: {activityId: $a, startsAt: $s, endsAt: $e, buildingId: $b, "
                + "placeName: \"3栋北侧消防通道\", positions: [{name: \"巡查员\", needed: 2}]}) { id } }", shiftInput))
                .getString("data.scheduleVolunteerShifts[0].id");
        // not on the shift yet
        assertThat(codes(Api.as("resident").gql(FINDING, vars("s", shift)))).containsExactly("FORBIDDEN");
        ok(Api.as("resident").gql("mutation($s: ID!) { signUpForVolunteerShift(shiftId: $s) { id } }", vars("s", shift)));
        String incident = ok(Api.as("resident").gql(FINDING, vars("s", shift)))
                .getString("data.reportVolunteerFinding.incidentId");
        JsonPath seen = ok(Api.as("resident").gql("query($id: ID!) { incident(id: $id) { category description "
                + "buildingId reporterPersonId } }", vars("id", incident)));
        assertThat(seen.getString("data.incident.category")).isEqualTo("safety");
        assertThat(seen.getString("data.incident.description")).contains("3栋北侧消防通道", "消防通道被电动车堵塞");
        assertThat(seen.getString("data.incident.buildingId")).isEqualTo(building);
        assertThat(seen.getString("data.incident.reporterPersonId")).isEqualTo(Volunteers.personId("resident"));
        assertThat(codes(Api.as("resident").gql("mutation($s: ID!) { reportVolunteerFinding(shiftId: $s, input: "
                + "{category: \"no-such\", description: \"x\"}) { incidentId } }", vars("s", shift))))
                .containsExactly("VALIDATION_FAILED");
    }

    @Test
    void partyMembersAreFlaggedFromTheOrganisationModule() {
        Map<String, String> team = Volunteers.team("PATROL");
        Api admin = Api.as("community-admin");
        String party = ok(admin.gql("mutation { createPerson(input: {name: \"骨干党员\"}) { id } }"))
                .getString("data.createPerson.id");
        String other = ok(admin.gql("mutation { createPerson(input: {name: \"热心居民\"}) { id } }"))
                .getString("data.createPerson.id");
        String group = ok(admin.gql("{ orgUnits(kind: PARTY_GROUP, first: 1) { edges { node { id } } } }"))
                .getString("data.orgUnits.edges[0].node.id");
        ok(admin.gql("mutation($p: ID!, $u: ID!) { recordPartyMember(personId: $p, unitId: $u, joinedOn: \"2010-07-01\") "
                + "{ joinedOn } }", vars("p", party, "u", group)));
        for (String person : List.of(party, other)) {
            ok(admin.gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, personId: $p, role: MEMBER) "
                    + "{ id } }", vars("t", team.get("id"), "p", person)));
        }
        JsonPath members = ok(Api.as("team-leader").gql("query($t: ID!) { volunteerTeamMembers(teamId: $t, first: 100) "
                + "{ edges { node { personId name partyMember } } } }", vars("t", team.get("id"))));
        assertThat(members.getBoolean("data.volunteerTeamMembers.edges.find { it.node.personId == '" + party
                + "' }.node.partyMember")).isTrue();
        assertThat(members.getBoolean("data.volunteerTeamMembers.edges.find { it.node.personId == '" + other
                + "' }.node.partyMember")).isFalse();
        assertThat(members.getString("data.volunteerTeamMembers.edges.find { it.node.personId == '" + other
                + "' }.node.name")).isEqualTo("热心居民");
        // party membership is personal: an ordinary member of the team does not see it
        Volunteers.join("resident", team.get("joinCode"), List.of());
        assertThat(ok(Api.as("resident").gql("query($t: ID!) { volunteerTeamMembers(teamId: $t, first: 100) "
                + "{ edges { node { partyMember } } } }", vars("t", team.get("id"))))
                .getList("data.volunteerTeamMembers.edges.node.partyMember")).containsOnlyNulls();
        // a unit leads a team only if the organisation module knows it
        assertThat(codes(admin.gql("mutation($n: String!, $u: ID!) { createVolunteerTeam(input: {name: $n, kind: OTHER, "
                + "recruitment: OPEN, leadingUnitId: $u}) { id leadingUnitId } }", vars("n", "党支部队-" + UUID.randomUUID(),
                "u", group)))).isEmpty();
        assertThat(codes(admin.gql("mutation($n: String!) { createVolunteerTeam(input: {name: $n, kind: OTHER, "
                + "recruitment: OPEN, leadingUnitId: 1}) { id } }", vars("n", "x-" + UUID.randomUUID()))))
                .containsExactly("NOT_FOUND");
    }

    static final String DRAFT = "mutation($u: ID!, $t: ID) { draftAgreement(input: {title: \"护学共建\", parties: ["
            + "{unitId: $u, commitments: \"开放校门区域\"}, {teamId: $t, commitments: \"每日护学\"}]}) "
            + "{ id parties { unitId unitName teamId teamName commitments } } }";

    @Test
    void aTeamIsAPartyOfACoConstructionAgreement() {
        Map<String, String> team = Volunteers.team("SCHOOL_ESCORT");
        Api admin = Api.as("community-admin");
        String school = ok(admin.gql("mutation($n: String!) { createOrgUnit(input: {name: $n, kind: SCHOOL}) { id } }",
                vars("n", "长青小学-" + UUID.randomUUID()))).getString("data.createOrgUnit.id");
        JsonPath drafted = ok(admin.gql(DRAFT, vars("u", school, "t", team.get("id"))));
        assertThat(drafted.getString("data.draftAgreement.parties[1].teamId")).isEqualTo(team.get("id"));
        assertThat(drafted.getString("data.draftAgreement.parties[1].teamName")).startsWith("测试队-");
        assertThat(drafted.getString("data.draftAgreement.parties[1].unitId")).isNull();
        assertThat(ok(admin.gql("{ agreements(first: 100) { edges { node { parties { teamName } } } } }"))
                .getList("data.agreements.edges.node.parties.flatten().teamName")).contains(
                drafted.getString("data.draftAgreement.parties[1].teamName"));
        assertThat(codes(admin.gql(DRAFT, vars("u", school, "t", "1")))).containsExactly("NOT_FOUND");
        assertThat(codes(admin.gql("mutation($u: ID!, $t: ID!) { draftAgreement(input: {title: \"x\", parties: ["
                + "{unitId: $u, teamId: $t, commitments: \"x\"}, {unitId: $u, commitments: \"y\"}]}) { id } }",
                vars("u", school, "t", team.get("id"))))).containsExactly("VALIDATION_FAILED");
    }

    @Test
    void aRoomIsBookedForATeamByIdAndNotWhereTheModuleIsOff() {
        Map<String, String> team = Volunteers.team("EVENT_SUPPORT");
        String teamName = ok(Api.as("team-leader").gql("query($t: ID!) { volunteerTeam(id: $t) { name } }",
                vars("t", team.get("id")))).getString("data.volunteerTeam.name");
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 365}");
        LocalDate day = LocalDate.now(ZONE).plusDays(12);
        String book = "mutation($r: ID!, $s: DateTime!, $e: DateTime!, $t: ID) { bookRoom(input: {roomId: $r, "
                + "startsAt: $s, endsAt: $e, purpose: \"队伍例会\", attendance: 5, teamId: $t}) { bookedFor forName teamId } }";
        JsonPath booked = ok(Api.as("community-admin").gql(book, vars("r", room, "s", day + "T10:00:00+08:00",
                "e", day + "T11:00:00+08:00", "t", team.get("id"))));
        assertThat(booked.getString("data.bookRoom.bookedFor")).isEqualTo("TEAM");
        assertThat(booked.getString("data.bookRoom.forName")).isEqualTo(teamName);
        assertThat(booked.getString("data.bookRoom.teamId")).isEqualTo(team.get("id"));
        assertThat(codes(Api.as("community-admin").gql(book, vars("r", room, "s", day + "T14:00:00+08:00",
                "e", day + "T15:00:00+08:00", "t", "1")))).containsExactly("NOT_FOUND");
        assertThat(codes(Api.as("grid-worker").gql(book, vars("r", room, "s", day + "T18:00:00+08:00",
                "e", day + "T19:00:00+08:00", "t", team.get("id"))))).containsExactly("FORBIDDEN");

        Api platform = Api.as("admin");
        ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "changqing-6", "m", "volunteer-team")));
        try {
            assertThat(codes(Api.as("community-admin").gql(book, vars("r", room, "s", day + "T16:00:00+08:00",
                    "e", day + "T17:00:00+08:00", "t", team.get("id"))))).containsExactly("MODULE_DISABLED");
            // nor is a team a party of an agreement there
            String school = ok(Api.as("community-admin").gql("mutation($n: String!) { createOrgUnit(input: {name: $n, "
                    + "kind: SCHOOL}) { id } }", vars("n", "学校-" + UUID.randomUUID()))).getString("data.createOrgUnit.id");
            assertThat(codes(Api.as("community-admin").gql(DRAFT, vars("u", school, "t", team.get("id")))))
                    .containsExactly("MODULE_DISABLED");
            // without a team id, booking is as before
            ok(Api.as("community-admin").gql(book, vars("r", room, "s", day + "T16:00:00+08:00",
                    "e", day + "T17:00:00+08:00")));
        } finally {
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "changqing-6", "m", "volunteer-team")));
        }
    }

    @Test
    void withoutGridAndOrganisationTheModuleWorksAndTheirPartsAnswerModuleDisabled() {
        Api platform = Api.as("admin");
        // demo-second has neither grid nor organisation on
        ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "demo-second", "m", "volunteer-team")));
        try {
            Api admin = Api.as("second-admin");
            JsonPath created = ok(admin.gql("mutation($n: String!) { createVolunteerTeam(input: {name: $n, kind: PATROL, "
                    + "recruitment: OPEN, withJoinCode: true}) { id joinCode } }", vars("n", "第二社区巡逻队-" + UUID.randomUUID())));
            String team = created.getString("data.createVolunteerTeam.id");
            ok(Api.as("second-resident").gql("mutation($c: String!) { joinVolunteerTeam(code: $c, input: {}) { id } }",
                    vars("c", created.getString("data.createVolunteerTeam.joinCode"))));
            String activity = ok(admin.gql("mutation($t: ID!) { createVolunteerActivity(input: {teamId: $t, title: "
                    + "\"巡查\", kind: PATROL}) { id } }", vars("t", team))).getString("data.createVolunteerActivity.id");
            OffsetDateTime start = OffsetDateTime.now().plusDays(2).truncatedTo(ChronoUnit.HOURS);
            String shift = ok(admin.gql("mutation($a: ID!, $s: DateTime!, $e: DateTime!) { scheduleVolunteerShifts("
                    + "input: {activityId: $a, startsAt: $s, endsAt: $e, positions: [{name: \"巡查员\", needed: 2}]}) "
                    + "{ id } }", vars("a", activity, "s", start.toString(), "e", start.plusHours(1).toString())))
                    .getString("data.scheduleVolunteerShifts[0].id");
            ok(Api.as("second-resident").gql("mutation($s: ID!) { signUpForVolunteerShift(shiftId: $s) { id } }",
                    vars("s", shift)));
            assertThat(codes(Api.as("second-resident").gql(FINDING, vars("s", shift)))).containsExactly("MODULE_DISABLED");
            assertThat(codes(admin.gql("mutation($n: String!) { createVolunteerTeam(input: {name: $n, kind: PATROL, "
                    + "recruitment: OPEN, gridId: 1}) { id } }", vars("n", "有网格的队")))).containsExactly("MODULE_DISABLED");
            assertThat(codes(admin.gql("mutation($n: String!) { createVolunteerTeam(input: {name: $n, kind: PATROL, "
                    + "recruitment: OPEN, leadingUnitId: 1}) { id } }", vars("n", "有组织的队")))).containsExactly("MODULE_DISABLED");
            JsonPath members = ok(admin.gql("query($t: ID!) { volunteerTeamMembers(teamId: $t) { edges { node { "
                    + "partyMember } } } }", vars("t", team)));
            assertThat(members.getList("data.volunteerTeamMembers.edges.node.partyMember")).containsOnlyNulls();
            assertThat(ok(Api.as("second-resident").gql("{ volunteerTeams { totalCount } }"))
                    .getInt("data.volunteerTeams.totalCount")).isPositive();
        } finally {
            ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "demo-second", "m", "volunteer-team")));
        }
    }
}
