package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.linqin.server.VolunteerTeamTest.reason;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.fourlists.service.FourListsJobs;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Rooms;
import org.linqin.server.support.Volunteers;
import org.linqin.server.support.Statements;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The four-lists plugin with the modules it uses, over HTTP as a client: members of another community and anonymous
 * callers refused, another community's lists and ids kept apart; MODULE_DISABLED for what needs a module that is off
 * (grid, organisation, volunteer-team, facility-booking, and the plugin itself) while the rest keeps working; grid
 * scopes, invitees by grid, agreed duties, team wishes, candidate wishes and dashboards where the modules are on; and
 * the statements its lists take, the same with two rows as with twenty.
 */
@QuarkusTest
class FourListsNeighboursTest {

    static final String CHANGQING = "changqing-6";
    static final String SECOND = "demo-second";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final List<String> CATEGORIES = List.of("safety", "fire-hazard", "city-management", "sanitation",
            "neighbour-dispute", "public-sentiment", "other");

    static final String SUBMIT = "mutation($in: WishInput!) { submitWish(input: $in) { wish { id title state scopeKind "
            + "scopeId scopeName source sourceRef mine supports } } }";
    static final String SUPPORT = "mutation($id: ID!) { supportWish(id: $id) { id supports } }";
    static final String ACCEPT = "mutation($id: ID!) { answerWish(id: $id, input: {decision: ACCEPT, text: \"采纳\"}) "
            + "{ id state } }";
    static final String WISH = "query($id: ID!) { wish(id: $id) { id title } }";
    static final String WISHES = "{ wishes(first: 100) { edges { node { id title } } } }";
    static final String SIMILAR = "{ similarWishes(text: \"楼道照明\") { id } }";
    static final String SCHEDULE = "mutation($in: DeliberationMeetingInput!) { scheduleDeliberationMeeting(input: $in) "
            + "{ id kind title state venueName roomId roomBookingId invitees { gridId unitId name } } }";
    static final String MEETING = "query($id: ID!) { deliberationMeeting(id: $id) { id title } }";
    static final String MEETINGS = "{ deliberationMeetings(first: 100) { edges { node { id title } } } }";
    static final String REGISTER = "mutation($m: ID!) { registerForDeliberationMeeting(meetingId: $m) { meetingId "
            + "state } }";
    static final String AGENDA = "mutation($m: ID!, $t: String!) { addDeliberationAgendaItem(meetingId: $m, input: "
            + "{title: $t}) { id } }";
    static final String RESOLVE = "mutation($m: ID!) { recordDeliberationResolution(meetingId: $m, input: {text: "
            + "\"通过\", votesFor: 5, votesAgainst: 1, abstentions: 0}) { id adopted } }";
    static final String SPLIT = "mutation($w: ID!, $m: ID!, $t: [WishTaskInput]!) { splitWishIntoTasks(wishId: $w, "
            + "meetingId: $m, tasks: $t) { id title unitId unitName state agreedDuties { unitId agreementId "
            + "agreementTitle commitments } } }";
    static final String TASKS_OF = "query($w: ID!) { wishTasks(wishId: $w, first: 100) { edges { node { id state "
            + "unitId overdueSince incidentId agreedDuties { unitId agreementId agreementTitle commitments } } } } }";
    static final String TASKS = "{ wishTasks(first: 100) { edges { node { id title } } } }";
    static final String ESCALATE = "mutation($id: ID!) { escalateWishTask(id: $id) { id overdueSince incidentId } }";
    static final String CANCEL_TASK = "mutation($id: ID!) { updateWishTask(id: $id, input: {state: CANCELLED, "
            + "note: \"测试结束\"}) { id state } }";
    static final String PROPOSE = "mutation($m: ID!, $t: String!) { proposeMicroProject(input: {meetingId: $m, "
            + "title: $t, needs: [{kind: MONEY, description: \"材料\", quantity: 100}]}) { id state } }";
    static final String CLAIM = "mutation($p: ID!, $in: MicroProjectClaimInput!) { claimMicroProject(projectId: $p, "
            + "input: $in) { id unitId partyName quantity } }";
    static final String PROJECT = "query($id: ID!) { microProject(id: $id) { id title } }";
    static final String PROJECTS = "{ microProjects(first: 100) { edges { node { id title } } } }";
    static final String DUTIES = "query($u: ID!) { agreedDuties(unitId: $u) { unitId agreementId agreementTitle "
            + "commitments } }";
    static final String DASHBOARD = "query($g: ID) { fourListsDashboard(gridId: $g) { wishesByState { key count } "
            + "wishesByScope { key count } overdueTasksByParty { key count } claimsByParty { key count } "
            + "evaluations } }";
    static final String CANDIDATES = "{ candidateWishes(months: 6) { gridId gridName category incidents months } }";
    static final String SETTINGS = "mutation($c: String!, $m: String!, $k: String!, $v: String!) { "
            + "updateModuleSettings(community: $c, module: $m, settings: [{key: $k, value: $v}]) { enabled } }";
    static final String REPORT = "mutation($c: String!, $d: String!, $b: ID!) { reportIncident(input: {category: $c, "
            + "description: $d, buildingId: $b}) { id } }";

    @Inject
    AgroalDataSource db;


    @Inject
    FourListsJobs jobs;

    @Inject
    CommunityScope scope;

    // --- fixtures -------------------------------------------------------------------------------------------

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    static Map<String, Object> wishInput(String title, String scopeKind, String scopeId) {
        Map<String, Object> input = vars("title", title, "body", "希望改善：" + title, "scopeKind", scopeKind);
        if (scopeId != null) {
            input.put("scopeId", scopeId);
        }
        return input;
    }

    static JsonPath submit(Api caller, String title, String scopeKind, String scopeId) {
        return caller.gql(SUBMIT, vars("in", wishInput(title, scopeKind, scopeId)));
    }

    static String submitted(Api caller, String title, String scopeKind, String scopeId) {
        return ok(submit(caller, title, scopeKind, scopeId)).getString("data.submitWish.wish.id");
    }

    /** A wish of the community submitted and accepted by a community admin. */
    static String acceptedWish(String title) {
        Api admin = Api.as("community-admin");
        String id = submitted(admin, title, "COMMUNITY", null);
        assertThat(ok(admin.gql(ACCEPT, vars("id", id))).getString("data.answerWish.state")).isEqualTo("ACCEPTED");
        return id;
    }

    /** A meeting input at a named venue, {@code days} from now, 10:00 to 11:00 Shanghai time. */
    static Map<String, Object> meetingInput(String kind, String title, int days) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(days).withHour(10).withMinute(0)
                .withSecond(0).withNano(0);
        return vars("kind", kind, "title", title, "startsAt", start.toString(), "endsAt",
                start.plusHours(1).toString(), "venueName", "社区议事厅");
    }

    static String meeting(String kind, String title) {
        return ok(Api.as("community-admin").gql(SCHEDULE, vars("in", meetingInput(kind, title, 30))))
                .getString("data.scheduleDeliberationMeeting.id");
    }

    static Map<String, Object> taskInput(String title, String unitId, String unitName) {
        Map<String, Object> task = vars("title", title, "party", "PROPERTY", "dueOn",
                LocalDate.now(SHANGHAI).toString());
        if (unitId != null) {
            task.put("unitId", unitId);
        }
        if (unitName != null) {
            task.put("unitName", unitName);
        }
        return task;
    }

    /** A task named by its unit's name, of a new accepted wish split at a new tripartite meeting: {wish, task}. */
    static String[] task(String title) {
        String wish = acceptedWish(unique("任务愿望"));
        String meeting = meeting("TRIPARTITE", unique("三方联席会议"));
        String task = ok(Api.as("community-admin").gql(SPLIT, vars("w", wish, "m", meeting, "t",
                List.of(taskInput(title, null, "邻亲物业"))))).getString("data.splitWishIntoTasks[0].id");
        return new String[] { wish, task };
    }

    static String project(String meeting, String title) {
        return ok(Api.as("community-admin").gql(PROPOSE, vars("m", meeting, "t", title)))
                .getString("data.proposeMicroProject.id");
    }

    static Map<String, Object> claimInput(String unitId, String partyName) {
        Map<String, Object> claim = vars("needIndex", 0, "party", "PROPERTY", "quantity", 1, "commitment", "提供材料");
        if (unitId != null) {
            claim.put("unitId", unitId);
        }
        if (partyName != null) {
            claim.put("partyName", partyName);
        }
        return claim;
    }

    static String unit(String name) {
        return ok(Api.as("community-admin").gql("mutation($n: String!) { createOrgUnit(input: {name: $n, kind: SCHOOL}) "
                + "{ id } }", vars("n", name))).getString("data.createOrgUnit.id");
    }

    /** A co-construction agreement drafted between the two units (the first committing to {@code commitments}). */
    static String draftAgreement(String title, String unit, String commitments, String other) {
        JsonPath drafted = ok(Api.as("community-admin").gql("mutation($t: String!, $a: ID!, $ca: String!, $b: ID!) { "
                + "draftAgreement(input: {title: $t, parties: [{unitId: $a, commitments: $ca}, {unitId: $b, "
                + "commitments: \"派志愿者参与\"}]}) { id status } }", vars("t", title, "a", unit, "ca", commitments,
                "b", other)));
        assertThat(drafted.getString("data.draftAgreement.status")).isEqualTo("DRAFT");
        return drafted.getString("data.draftAgreement.id");
    }

    static void sign(String agreement) {
        assertThat(ok(Api.as("community-admin").gql("mutation($id: ID!) { signAgreement(id: $id) { id status } }",
                vars("id", agreement))).getString("data.signAgreement.status")).isEqualTo("SIGNED");
    }

    /** The id of the grid the demo user lives in. */
    static String gridOf(String username) {
        return ok(Api.as(username).gql("{ myGrid { id } }")).getString("data.myGrid.id");
    }

    static String buildingOf(String username) {
        return ok(Api.as(username).gql("{ me { person { building { id } } } }")).getString("data.me.person.building.id");
    }

    static void enable(String community, String module) {
        ok(Api.as("admin").gql(ModuleEnablementTest.ENABLE, vars("c", community, "m", module)));
    }

    static void disable(String community, String module) {
        ok(Api.as("admin").gql(ModuleEnablementTest.DISABLE, vars("c", community, "m", module)));
    }

    static void assertDisabled(JsonPath response, String module) {
        assertThat(codes(response)).as(response.prettify()).containsExactly("MODULE_DISABLED");
        assertThat(response.getString("errors[0].message")).contains("'" + module + "'");
    }

    static List<String> titles(JsonPath response, String list) {
        return ok(response).getList("data." + list + ".edges.node.title");
    }

    /** The count of {@code key} in a list of {key, count}; 0 when absent. */
    static long count(JsonPath dashboard, String list, String key) {
        List<Map<String, Object>> counts = ok(dashboard).getList("data.fourListsDashboard." + list);
        return counts.stream().filter(c -> key.equals(c.get("key"))).mapToLong(c -> ((Number) c.get("count")).longValue())
                .sum();
    }

    long wishesTitled(String title) {
        return Db.count(db, "select count(*) from fl_wishes where title = ?", title);
    }

    // --- 1. Isolation ---------------------------------------------------------------------------------------

    @Test
    void membersOfAnotherCommunityAndAnonymousCallersAreRefusedInChangqing() {
        String wishTitle = unique("长青愿望");
        String wish = submitted(Api.as("resident"), wishTitle, "COMMUNITY", null);
        String meeting = meeting("RESIDENTS_FORUM", unique("长青居民议事会"));
        String[] task = task(unique("长青任务"));
        Map<String, Map<String, Object>> operations = new LinkedHashMap<>();
        operations.put(WISHES, vars());
        operations.put(WISH, vars("id", wish));
        operations.put(MEETINGS, vars());
        operations.put(MEETING, vars("id", meeting));
        operations.put(TASKS, vars());
        operations.put(TASKS_OF, vars("w", task[0]));
        operations.put(PROJECTS, vars());
        operations.put(DASHBOARD, vars("g", null));
        operations.put(CANDIDATES, vars());
        operations.put(SUPPORT, vars("id", wish));
        operations.put(REGISTER, vars("m", meeting));
        operations.put(SUBMIT, vars("in", wishInput(unique("越界愿望"), "COMMUNITY", null)));
        for (String visitor : List.of("second-resident", "second-admin")) {
            Api caller = Api.as(visitor).in(CHANGQING);
            operations.forEach((query, variables) -> {
                JsonPath refused = caller.gql(query, variables);
                assertThat(codes(refused)).as(visitor + ": " + query).containsExactly("FORBIDDEN");
                assertThat(refused.getString("errors[0].message")).as(query).contains("not a member");
            });
        }
        Api anonymous = Api.anonymous().in(CHANGQING);
        operations.forEach((query, variables) -> assertThat(codes(anonymous.gql(query, variables))).as(query)
                .containsExactly("UNAUTHENTICATED"));
        assertThat(Db.count(db, "select supports from fl_wishes where id = ?", Long.valueOf(wish))).isZero();
        assertThat(Db.count(db, "select count(*) from fl_wishes where title like '越界愿望-%'")).isZero();
        assertThat(Db.count(db, "select count(*) from sign_up_lists l join fl_meetings m on m.sign_up_list_id = l.id "
                + "where m.id = ? and l.confirmed > 0", Long.valueOf(meeting))).isZero();
    }

    @Test
    void anotherCommunitySeesNoneOfChangqingsRowsAndItsIdsAreNotFoundThere() {
        Api admin = Api.as("community-admin");
        String wishTitle = unique("长青楼道照明");
        String wish = submitted(Api.as("resident"), wishTitle, "COMMUNITY", null);
        String meetingTitle = unique("长青三方会议");
        String meeting = meeting("TRIPARTITE", meetingTitle);
        String accepted = acceptedWish(unique("长青已采纳"));
        String taskTitle = unique("长青任务");
        String task = ok(admin.gql(SPLIT, vars("w", accepted, "m", meeting, "t",
                List.of(taskInput(taskTitle, null, "邻亲物业"))))).getString("data.splitWishIntoTasks[0].id");
        String projectTitle = unique("长青微实事");
        String project = project(meeting, projectTitle);
        String building = buildingOf("resident");

        enable(SECOND, "four-lists");
        try {
            Api secondAdmin = Api.as("second-admin");
            Api secondResident = Api.as("second-resident");
            String ownTitle = unique("第二社区愿望");
            String own = submitted(secondResident, ownTitle, "COMMUNITY", null);
            String ownMeetingTitle = unique("第二社区议事会");
            ok(secondAdmin.gql(SCHEDULE, vars("in", meetingInput("RESIDENTS_FORUM", ownMeetingTitle, 30))));

            for (Api reader : List.of(secondAdmin, secondResident)) {
                assertThat(titles(reader.gql(WISHES), "wishes")).contains(ownTitle).doesNotContain(wishTitle);
                assertThat(titles(reader.gql(MEETINGS), "deliberationMeetings")).contains(ownMeetingTitle)
                        .doesNotContain(meetingTitle);
                assertThat(titles(reader.gql(TASKS), "wishTasks")).doesNotContain(taskTitle);
                assertThat(titles(reader.gql(PROJECTS), "microProjects")).doesNotContain(projectTitle);
                assertThat(codes(reader.gql(WISH, vars("id", wish)))).containsExactly("NOT_FOUND");
                assertThat(codes(reader.gql(MEETING, vars("id", meeting)))).containsExactly("NOT_FOUND");
                assertThat(codes(reader.gql(PROJECT, vars("id", project)))).containsExactly("NOT_FOUND");
                assertThat(ok(reader.gql(TASKS_OF, vars("w", accepted))).getList("data.wishTasks.edges")).isEmpty();
            }
            assertThat(ok(secondResident.gql(WISH, vars("id", own))).getString("data.wish.title")).isEqualTo(ownTitle);
            // changqing-6's ids do not exist in demo-second, for its residents and its admins
            assertThat(codes(secondResident.gql(SUPPORT, vars("id", wish)))).containsExactly("NOT_FOUND");
            assertThat(codes(secondResident.gql(REGISTER, vars("m", meeting)))).containsExactly("NOT_FOUND");
            assertThat(codes(secondAdmin.gql(ACCEPT, vars("id", wish)))).containsExactly("NOT_FOUND");
            assertThat(codes(secondAdmin.gql(SPLIT, vars("w", accepted, "m", meeting, "t",
                    List.of(taskInput(unique("越界任务"), null, "物业")))))).containsExactly("NOT_FOUND");
            assertThat(codes(secondAdmin.gql(CANCEL_TASK, vars("id", task)))).containsExactly("NOT_FOUND");
            assertThat(codes(secondAdmin.gql(CLAIM, vars("p", project, "in", claimInput(null, "第二物业")))))
                    .containsExactly("NOT_FOUND");
            assertThat(codes(secondAdmin.gql(PROPOSE, vars("m", meeting, "t", unique("越界项目")))))
                    .containsExactly("NOT_FOUND");
            String foreignScope = unique("越界楼栋愿望");
            assertThat(codes(submit(secondResident, foreignScope, "BUILDING", building))).containsExactly("NOT_FOUND");
            assertThat(wishesTitled(foreignScope)).isZero();
            assertThat(Db.count(db, "select supports from fl_wishes where id = ?", Long.valueOf(wish))).isZero();
            assertThat(Db.count(db, "select count(*) from fl_wishes where id = ? and state = 'SUBMITTED'",
                    Long.valueOf(wish))).isEqualTo(1);
            assertThat(Db.count(db, "select count(*) from fl_claims where project_id = ?", Long.valueOf(project)))
                    .isZero();
        } finally {
            disable(SECOND, "four-lists");
        }
    }

    /** The dashboard's counts are the addressed community's only: no claim of changqing-6 is counted elsewhere. */
    @Test
    void anotherCommunitysDashboardCountsNoneOfChangqingsClaims() {
        String meeting = meeting("TRIPARTITE", unique("认领会议"));
        String project = project(meeting, unique("长青认领项目"));
        ok(Api.as("community-admin").gql(CLAIM, vars("p", project, "in", claimInput(null, "邻亲物业"))));
        assertThat(count(ok(Api.as("community-admin").gql(DASHBOARD, vars("g", null))), "claimsByParty", "PROPERTY"))
                .isPositive();

        enable(SECOND, "four-lists");
        try {
            JsonPath second = ok(Api.as("second-admin").gql(DASHBOARD, vars("g", null)));
            assertThat(Db.count(db, "select count(*) from fl_claims where community_code = ?", SECOND)).isZero();
            assertThat(second.getList("data.fourListsDashboard.claimsByParty"))
                    .as("claims counted on demo-second's dashboard, where it has none").isEmpty();
            assertThat(second.getList("data.fourListsDashboard.overdueTasksByParty")).isEmpty();
            assertThat(second.getLong("data.fourListsDashboard.evaluations")).isZero();
        } finally {
            disable(SECOND, "four-lists");
        }
    }

    // --- 2. MODULE_DISABLED ---------------------------------------------------------------------------------

    @Test
    void whereTheFourListsAreOffTheirOperationsAnswerModuleDisabled() {
        Api secondAdmin = Api.as("second-admin");
        Api secondResident = Api.as("second-resident");
        String title = unique("关闭时的愿望");
        List<String> reads = List.of(WISHES, MEETINGS, TASKS, PROJECTS, SIMILAR, CANDIDATES);
        for (Api caller : List.of(secondAdmin, secondResident)) {
            for (String query : reads) {
                assertDisabled(caller.gql(query), "four-lists");
            }
            assertDisabled(caller.gql(WISH, vars("id", "1")), "four-lists");
            assertDisabled(caller.gql(MEETING, vars("id", "1")), "four-lists");
            assertDisabled(caller.gql(DASHBOARD, vars("g", null)), "four-lists");
            assertDisabled(caller.gql(DUTIES, vars("u", "1")), "four-lists");
            assertDisabled(submit(caller, title, "COMMUNITY", null), "four-lists");
            assertDisabled(caller.gql(SUPPORT, vars("id", "1")), "four-lists");
        }
        assertDisabled(secondAdmin.gql(SCHEDULE, vars("in", meetingInput("RESIDENTS_FORUM", title, 30))), "four-lists");
        assertThat(wishesTitled(title)).isZero();
        assertThat(Db.count(db, "select count(*) from fl_meetings where title = ?", title)).isZero();
    }

    @Test
    void withTheGridOffGridScopesCandidatesAndEscalationAnswerModuleDisabledAndTheJobOnlyMarksOverdue() {
        Api admin = Api.as("community-admin");
        Api resident = Api.as("resident");
        String grid = gridOf("resident");
        String building = buildingOf("resident");
        String gridWish = submitted(resident, unique("网格愿望"), "GRID", grid);
        String taskTitle = unique("逾期任务");
        String[] task = task(taskTitle);

        disable(CHANGQING, "grid");
        try {
            String gridTitle = unique("关网格后的网格愿望");
            assertDisabled(submit(resident, gridTitle, "GRID", grid), "grid");
            assertThat(wishesTitled(gridTitle)).isZero();
            assertDisabled(Api.as("owners-committee").gql(SUPPORT, vars("id", gridWish)), "grid");
            // what needs no grid keeps working
            String communityTitle = unique("关网格后的社区愿望");
            assertThat(ok(submit(resident, communityTitle, "COMMUNITY", null)).getString("data.submitWish.wish.state"))
                    .isEqualTo("SUBMITTED");
            JsonPath inBuilding = ok(submit(resident, unique("关网格后的楼栋愿望"), "BUILDING", building));
            assertThat(inBuilding.getString("data.submitWish.wish.scopeId")).isEqualTo(building);
            ok(Api.as("property-staff").gql(SUPPORT, vars("id", inBuilding.getString("data.submitWish.wish.id"))));
            assertThat(titles(admin.gql(WISHES), "wishes")).contains(communityTitle);

            assertDisabled(admin.gql(CANDIDATES), "grid");
            assertDisabled(admin.gql(DASHBOARD, vars("g", grid)), "grid");
            ok(admin.gql(DASHBOARD, vars("g", null)));
            Map<String, Object> byGrid = meetingInput("RESIDENTS_FORUM", unique("按网格邀请"), 30);
            byGrid.put("invitees", List.of(vars("gridId", grid)));
            assertDisabled(admin.gql(SCHEDULE, vars("in", byGrid)), "grid");
            assertThat(Db.count(db, "select count(*) from fl_meetings where title = ?", byGrid.get("title"))).isZero();

            // escalation: refused by hand; the job marks the task overdue and raises no incident
            assertDisabled(admin.gql(ESCALATE, vars("id", task[1])), "grid");
            Db.update(db, "update fl_tasks set due_on = current_date - 5 where id = ?", Long.valueOf(task[1]));
            scope.run(CHANGQING, () -> jobs.runIn(OffsetDateTime.now()));
            JsonPath overdue = ok(admin.gql(TASKS_OF, vars("w", task[0])));
            assertThat(overdue.getString("data.wishTasks.edges[0].node.overdueSince")).isNotNull();
            assertThat(overdue.getString("data.wishTasks.edges[0].node.incidentId")).isNull();
            assertThat(overdue.getString("data.wishTasks.edges[0].node.state")).isEqualTo("OPEN");
            assertThat(Db.count(db, "select count(*) from grid_incidents where description like ?",
                    "%" + taskTitle + "%")).isZero();
            // done with it before the grid is back, so that no job raises it later
            ok(admin.gql(CANCEL_TASK, vars("id", task[1])));
        } finally {
            enable(CHANGQING, "grid");
        }
        assertThat(Db.count(db, "select count(*) from grid_incidents where description like ?", "%" + taskTitle + "%"))
                .isZero();
    }

    @Test
    void withFacilityBookingOffARoomMeetingIsRefusedAndANamedVenueWorks() {
        Api admin = Api.as("community-admin");
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 3650, bufferMinutes: 0}");
        // on: the room is booked with the meeting
        Map<String, Object> inRoom = meetingInput("RESIDENTS_FORUM", unique("会议室议事会"), 40);
        inRoom.remove("venueName");
        inRoom.put("roomId", room);
        JsonPath booked = ok(admin.gql(SCHEDULE, vars("in", inRoom)));
        assertThat(booked.getString("data.scheduleDeliberationMeeting.roomId")).isEqualTo(room);
        assertThat(booked.getString("data.scheduleDeliberationMeeting.roomBookingId")).isNotNull();

        disable(CHANGQING, "facility-booking");
        try {
            Map<String, Object> refused = meetingInput("RESIDENTS_FORUM", unique("关预约后的会议室议事会"), 41);
            refused.remove("venueName");
            refused.put("roomId", room);
            assertDisabled(admin.gql(SCHEDULE, vars("in", refused)), "facility-booking");
            assertThat(Db.count(db, "select count(*) from fl_meetings where title = ?", refused.get("title"))).isZero();
            Map<String, Object> named = meetingInput("RESIDENTS_FORUM", unique("架空层议事会"), 41);
            named.put("venueName", "6栋架空层");
            JsonPath held = ok(admin.gql(SCHEDULE, vars("in", named)));
            assertThat(held.getString("data.scheduleDeliberationMeeting.venueName")).isEqualTo("6栋架空层");
            assertThat(held.getString("data.scheduleDeliberationMeeting.roomId")).isNull();
            assertThat(held.getString("data.scheduleDeliberationMeeting.state")).isEqualTo("PLANNED");
            assertThat(ok(Api.as("resident").gql(REGISTER, vars("m", held.getString(
                    "data.scheduleDeliberationMeeting.id")))).getString("data.registerForDeliberationMeeting.state"))
                    .isEqualTo("CONFIRMED");
        } finally {
            enable(CHANGQING, "facility-booking");
        }
    }

    @Test
    void withOrganisationOffUnitsAreRefusedNamesWorkAndAgreedDutiesAreEmpty() {
        Api admin = Api.as("community-admin");
        String unit = unit(unique("共建学校"));
        String other = unit(unique("共建单位"));
        String commitments = unique("开放操场");
        sign(draftAgreement(unique("共建协议"), unit, commitments, other));
        String meeting = meeting("TRIPARTITE", unique("三方联席会议"));
        String before = acceptedWish(unique("关组织前的愿望"));
        ok(admin.gql(SPLIT, vars("w", before, "m", meeting, "t", List.of(taskInput(unique("有单位的任务"), unit, null)))));
        assertThat(ok(admin.gql(TASKS_OF, vars("w", before))).getList("data.wishTasks.edges[0].node.agreedDuties"))
                .hasSize(1);
        String project = project(meeting, unique("关组织的项目"));

        Api platform = Api.as("admin");
        try {
            // the grid depends on the organisation module: off first, back last
            disable(CHANGQING, "grid");
            disable(CHANGQING, "organisation");
            String wish = acceptedWish(unique("关组织后的愿望"));
            String byUnit = unique("按单位的任务");
            assertDisabled(admin.gql(SPLIT, vars("w", wish, "m", meeting, "t", List.of(taskInput(byUnit, unit, null)))),
                    "organisation");
            assertThat(Db.count(db, "select count(*) from fl_tasks where title = ?", byUnit)).isZero();
            JsonPath named = ok(admin.gql(SPLIT, vars("w", wish, "m", meeting, "t",
                    List.of(taskInput(unique("按名称的任务"), null, "邻亲物业")))));
            assertThat(named.getString("data.splitWishIntoTasks[0].unitName")).isEqualTo("邻亲物业");
            assertThat(named.getList("data.splitWishIntoTasks[0].agreedDuties")).isEmpty();

            assertDisabled(admin.gql(CLAIM, vars("p", project, "in", claimInput(unit, null))), "organisation");
            assertThat(Db.count(db, "select count(*) from fl_claims where project_id = ?", Long.valueOf(project)))
                    .isZero();
            assertThat(ok(admin.gql(CLAIM, vars("p", project, "in", claimInput(null, "邻亲物业"))))
                    .getString("data.claimMicroProject.partyName")).isEqualTo("邻亲物业");

            assertThat(ok(admin.gql(DUTIES, vars("u", unit))).getList("data.agreedDuties")).isEmpty();
            JsonPath earlier = ok(admin.gql(TASKS_OF, vars("w", before)));
            assertThat(earlier.getString("data.wishTasks.edges[0].node.unitId")).isEqualTo(unit);
            assertThat(earlier.getList("data.wishTasks.edges[0].node.agreedDuties")).isEmpty();

            Map<String, Object> byUnitInvitees = meetingInput("RESIDENTS_FORUM", unique("按单位邀请"), 30);
            byUnitInvitees.put("invitees", List.of(vars("unitId", unit)));
            assertDisabled(admin.gql(SCHEDULE, vars("in", byUnitInvitees)), "organisation");
            Map<String, Object> visit = wishInput(unique("走访愿望"), "COMMUNITY", null);
            visit.put("source", "HOUSEHOLD_VISIT");
            visit.put("sourceRef", "1");
            assertDisabled(admin.gql(SUBMIT, vars("in", visit)), "organisation");
        } finally {
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", CHANGQING, "m", "organisation")));
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", CHANGQING, "m", "grid")));
        }
        assertThat(ok(admin.gql(DUTIES, vars("u", unit))).getList("data.agreedDuties.commitments"))
                .containsExactly(commitments);
    }

    @Test
    void withVolunteerTeamOffATeamWishIsRefused() {
        Map<String, String> team = Volunteers.team("GRID_RED_WORK_TEAM");
        Volunteers.join("resident", team.get("joinCode"), List.of());
        Api resident = Api.as("resident");
        disable(CHANGQING, "volunteer-team");
        try {
            Map<String, Object> fromTeam = wishInput(unique("红色小分队收集"), "COMMUNITY", null);
            fromTeam.put("source", "GRID_TEAM");
            fromTeam.put("sourceRef", team.get("id"));
            assertDisabled(resident.gql(SUBMIT, vars("in", fromTeam)), "volunteer-team");
            assertThat(wishesTitled((String) fromTeam.get("title"))).isZero();
            assertThat(ok(submit(resident, unique("居民自己的愿望"), "COMMUNITY", null))
                    .getString("data.submitWish.wish.source")).isEqualTo("RESIDENT");
        } finally {
            enable(CHANGQING, "volunteer-team");
        }
        Map<String, Object> again = wishInput(unique("红色小分队收集"), "COMMUNITY", null);
        again.put("source", "GRID_TEAM");
        again.put("sourceRef", team.get("id"));
        ok(resident.gql(SUBMIT, vars("in", again)));
    }

    // --- 3. With the modules on -----------------------------------------------------------------------------

    @Test
    void aGridWishIsSupportedByTheResidentsOfItsGridAndAGridMeetingInvitesThemOnly() {
        Api resident = Api.as("resident");
        String home = gridOf("resident");
        List<String> neighbours = Stream.of("owners-committee", "partner-staff", "team-leader")
                .filter(u -> home.equals(gridOf(u))).toList();
        List<String> outsiders = Stream.of("volunteer", "party-member", "community-admin").filter(u -> {
            String grid = gridOf(u);
            return grid != null && !grid.equals(home);
        }).toList();
        assertThat(neighbours).hasSizeGreaterThanOrEqualTo(2);
        assertThat(outsiders).hasSizeGreaterThanOrEqualTo(2);
        String gridName = ok(Api.as("community-admin").gql("{ grids { id name } }"))
                .getString("data.grids.find { it.id == '" + home + "' }.name");

        JsonPath submitted = ok(submit(resident, unique("网格内加装路灯"), "GRID", home));
        String wish = submitted.getString("data.submitWish.wish.id");
        assertThat(submitted.getString("data.submitWish.wish.scopeKind")).isEqualTo("GRID");
        assertThat(submitted.getString("data.submitWish.wish.scopeId")).isEqualTo(home);
        assertThat(submitted.getString("data.submitWish.wish.scopeName")).isEqualTo(gridName);
        // a resident submits only for the grid they live in
        String elsewhere = gridOf(outsiders.get(0));
        JsonPath notHome = submit(resident, unique("别的网格"), "GRID", elsewhere);
        assertThat(codes(notHome)).containsExactly("FORBIDDEN");
        assertThat(reason(notHome)).isEqualTo("NOT_IN_SCOPE");

        int supports = 0;
        for (String neighbour : neighbours) {
            supports++;
            assertThat(ok(Api.as(neighbour).gql(SUPPORT, vars("id", wish))).getInt("data.supportWish.supports"))
                    .isEqualTo(supports);
        }
        for (String outsider : outsiders) {
            JsonPath refused = Api.as(outsider).gql(SUPPORT, vars("id", wish));
            assertThat(codes(refused)).as(outsider).containsExactly("FORBIDDEN");
            assertThat(reason(refused)).isEqualTo("NOT_IN_SCOPE");
        }
        JsonPath twice = Api.as(neighbours.get(0)).gql(SUPPORT, vars("id", wish));
        assertThat(codes(twice)).containsExactly("CONFLICT");
        assertThat(reason(twice)).isEqualTo("ALREADY_SUPPORTED");
        assertThat(Db.count(db, "select supports from fl_wishes where id = ?", Long.valueOf(wish))).isEqualTo(supports);
        assertThat(Db.count(db, "select count(*) from fl_wish_supports where wish_id = ?", Long.valueOf(wish)))
                .isEqualTo(supports);

        // a meeting inviting the grid's residents
        Map<String, Object> input = meetingInput("RESIDENTS_FORUM", unique("网格居民议事会"), 30);
        input.put("invitees", List.of(vars("gridId", home)));
        JsonPath scheduled = ok(Api.as("community-admin").gql(SCHEDULE, vars("in", input)));
        String meeting = scheduled.getString("data.scheduleDeliberationMeeting.id");
        assertThat(scheduled.getString("data.scheduleDeliberationMeeting.invitees[0].gridId")).isEqualTo(home);
        assertThat(scheduled.getString("data.scheduleDeliberationMeeting.invitees[0].name")).isEqualTo(gridName);
        assertThat(ok(resident.gql(REGISTER, vars("m", meeting))).getString("data.registerForDeliberationMeeting.state"))
                .isEqualTo("CONFIRMED");
        assertThat(ok(Api.as(neighbours.get(0)).gql(REGISTER, vars("m", meeting)))
                .getString("data.registerForDeliberationMeeting.state")).isEqualTo("CONFIRMED");
        for (String outsider : outsiders) {
            JsonPath refused = Api.as(outsider).gql(REGISTER, vars("m", meeting));
            assertThat(codes(refused)).as(outsider).containsExactly("FORBIDDEN");
            assertThat(reason(refused)).isEqualTo("NOT_INVITED");
        }
        assertThat(Db.count(db, "select l.confirmed from sign_up_lists l join fl_meetings m on m.sign_up_list_id = l.id "
                + "where m.id = ?", Long.valueOf(meeting))).isEqualTo(2);
    }

    @Test
    void agreedDutiesShowWhatAUnitCommittedToInASignedAgreement() {
        Api admin = Api.as("community-admin");
        String unitName = unique("共建学校");
        String unit = unit(unitName);
        String other = unit(unique("共建单位"));
        String title = unique("校社共建协议");
        String commitments = unique("周末开放操场，组织学生志愿服务");
        String agreement = draftAgreement(title, unit, commitments, other);
        // a draft commits nobody yet
        assertThat(ok(admin.gql(DUTIES, vars("u", unit))).getList("data.agreedDuties")).isEmpty();
        sign(agreement);
        JsonPath duties = ok(admin.gql(DUTIES, vars("u", unit)));
        assertThat(duties.getList("data.agreedDuties")).hasSize(1);
        assertThat(duties.getString("data.agreedDuties[0].unitId")).isEqualTo(unit);
        assertThat(duties.getString("data.agreedDuties[0].agreementId")).isEqualTo(agreement);
        assertThat(duties.getString("data.agreedDuties[0].agreementTitle")).isEqualTo(title);
        assertThat(duties.getString("data.agreedDuties[0].commitments")).isEqualTo(commitments);

        String wish = acceptedWish(unique("操场开放"));
        String meeting = meeting("TRIPARTITE", unique("三方联席会议"));
        JsonPath split = ok(admin.gql(SPLIT, vars("w", wish, "m", meeting, "t", List.of(
                taskInput(unique("开放操场"), unit, null), taskInput(unique("物业配合"), null, "邻亲物业")))));
        assertThat(split.getString("data.splitWishIntoTasks[0].unitId")).isEqualTo(unit);
        assertThat(split.getString("data.splitWishIntoTasks[0].unitName")).isEqualTo(unitName);
        assertThat(split.getList("data.splitWishIntoTasks[0].agreedDuties.commitments")).containsExactly(commitments);
        assertThat(split.getList("data.splitWishIntoTasks[1].agreedDuties")).isEmpty();
        JsonPath tasks = ok(Api.as("property-staff").gql(TASKS_OF, vars("w", wish)));
        assertThat(tasks.getList("data.wishTasks.edges[0].node.agreedDuties.agreementTitle")).containsExactly(title);
        assertThat(tasks.getList("data.wishTasks.edges[0].node.agreedDuties.commitments")).containsExactly(commitments);
        assertThat(tasks.getList("data.wishTasks.edges[1].node.agreedDuties")).isEmpty();
        // a unit that does not exist
        assertThat(codes(admin.gql(SPLIT, vars("w", wish, "m", meeting, "t",
                List.of(taskInput(unique("无此单位"), "999999999", null)))))).containsExactly("NOT_FOUND");
    }

    @Test
    void aTeamWishIsSubmittedByTheTeamsMembersOnly() {
        Map<String, String> team = Volunteers.team("GRID_RED_WORK_TEAM");
        Volunteers.join("resident", team.get("joinCode"), List.of());
        Map<String, Object> input = wishInput(unique("红色小分队收集：加装电梯"), "COMMUNITY", null);
        input.put("source", "GRID_TEAM");
        input.put("sourceRef", team.get("id"));
        JsonPath byMember = ok(Api.as("resident").gql(SUBMIT, vars("in", input)));
        assertThat(byMember.getString("data.submitWish.wish.source")).isEqualTo("GRID_TEAM");
        assertThat(byMember.getString("data.submitWish.wish.sourceRef")).isEqualTo(team.get("id"));
        assertThat(byMember.getBoolean("data.submitWish.wish.mine")).isTrue();

        Map<String, Object> byOutsider = wishInput(unique("非队员收集"), "COMMUNITY", null);
        byOutsider.put("source", "GRID_TEAM");
        byOutsider.put("sourceRef", team.get("id"));
        for (String outsider : List.of("party-member", "volunteer")) {
            assertThat(codes(Api.as(outsider).gql(SUBMIT, vars("in", byOutsider)))).as(outsider)
                    .containsExactly("FORBIDDEN");
        }
        assertThat(wishesTitled((String) byOutsider.get("title"))).isZero();
        Map<String, Object> noTeam = wishInput(unique("无队"), "COMMUNITY", null);
        noTeam.put("source", "GRID_TEAM");
        assertThat(codes(Api.as("resident").gql(SUBMIT, vars("in", noTeam)))).containsExactly("VALIDATION_FAILED");
        noTeam.put("sourceRef", "999999999");
        assertThat(codes(Api.as("resident").gql(SUBMIT, vars("in", noTeam)))).containsExactly("NOT_FOUND");
    }

    @Test
    void candidateWishesAreCategoriesThatCameBackInAGridInTwoMonths() {
        Api admin = Api.as("community-admin");
        // a grid with two categories that no incident of the last months had
        JsonPath grids = ok(admin.gql("{ grids { id buildingIds } }"));
        String grid = null;
        String building = null;
        List<String> fresh = List.of();
        for (int i = 0; i < grids.getList("data.grids").size() && fresh.size() < 2; i++) {
            String id = grids.getString("data.grids[" + i + "].id");
            List<Object> buildings = grids.getList("data.grids[" + i + "].buildingIds");
            if (buildings.isEmpty()) {
                continue;
            }
            fresh = CATEGORIES.stream().filter(c -> Db.count(db, "select count(*) from grid_incidents where grid_id = ? "
                    + "and category = ? and reported_at > now() - interval '8 months'", Long.valueOf(id), c) == 0)
                    .toList();
            grid = id;
            building = String.valueOf(buildings.get(0));
        }
        assertThat(fresh).as("categories without incidents in a grid").hasSizeGreaterThanOrEqualTo(2);
        String recurring = fresh.get(0);
        String once = fresh.get(1);

        Api reporter = Api.as("grid-worker");
        String first = ok(reporter.gql(REPORT, vars("c", recurring, "d", unique("再次发生"), "b", building)))
                .getString("data.reportIncident.id");
        ok(reporter.gql(REPORT, vars("c", recurring, "d", unique("本月发生"), "b", building)));
        ok(reporter.gql(REPORT, vars("c", once, "d", unique("只发生一次"), "b", building)));
        ok(reporter.gql(REPORT, vars("c", once, "d", unique("同月再次"), "b", building)));
        Db.update(db, "update grid_incidents set reported_at = reported_at - interval '40 days' where id = ?",
                Long.valueOf(first));

        JsonPath candidates = ok(admin.gql(CANDIDATES));
        String chosen = grid;
        List<Map<String, Object>> inGrid = new ArrayList<>();
        for (Map<String, Object> c : candidates.<Map<String, Object>> getList("data.candidateWishes")) {
            if (chosen.equals(String.valueOf(c.get("gridId")))) {
                inGrid.add(c);
            }
        }
        Map<String, Object> found = inGrid.stream().filter(c -> recurring.equals(c.get("category"))).findFirst()
                .orElseThrow(() -> new AssertionError(recurring + " is not a candidate in grid " + chosen + ": " + inGrid));
        assertThat(((Number) found.get("incidents")).longValue()).isEqualTo(2);
        assertThat(((Number) found.get("months")).intValue()).isEqualTo(2);
        assertThat(inGrid).noneMatch(c -> once.equals(c.get("category")));
        // grid workers read them; residents do not
        ok(Api.as("grid-worker").gql(CANDIDATES));
        assertThat(codes(Api.as("resident").gql(CANDIDATES))).containsExactly("FORBIDDEN");
        assertThat(codes(admin.gql("{ candidateWishes(months: 1) { category } }"))).containsExactly("VALIDATION_FAILED");
    }

    @Test
    void theDashboardCountsWishesByStateForTheStaffAndRefusesResidents() {
        Api admin = Api.as("community-admin");
        String home = gridOf("resident");
        String outsider = Stream.of("volunteer", "party-member", "community-admin")
                .filter(u -> !home.equals(gridOf(u))).findFirst().orElseThrow();
        JsonPath before = ok(admin.gql(DASHBOARD, vars("g", null)));
        JsonPath beforeGrid = ok(admin.gql(DASHBOARD, vars("g", home)));

        submitted(Api.as("resident"), unique("看板网格愿望"), "GRID", home);
        submitted(Api.as("resident"), unique("看板楼栋愿望"), "BUILDING", buildingOf("resident"));
        submitted(Api.as(outsider), unique("看板外网格楼栋愿望"), "BUILDING", buildingOf(outsider));
        String declined = submitted(Api.as("resident"), unique("看板不采纳"), "COMMUNITY", null);
        ok(admin.gql("mutation($id: ID!) { answerWish(id: $id, input: {decision: DECLINE, text: \"不在职责范围\"}) "
                + "{ state } }", vars("id", declined)));

        JsonPath after = ok(admin.gql(DASHBOARD, vars("g", null)));
        assertThat(count(after, "wishesByState", "SUBMITTED")).isEqualTo(count(before, "wishesByState", "SUBMITTED") + 3);
        assertThat(count(after, "wishesByState", "DECLINED")).isEqualTo(count(before, "wishesByState", "DECLINED") + 1);
        assertThat(count(after, "wishesByScope", "GRID")).isEqualTo(count(before, "wishesByScope", "GRID") + 1);
        assertThat(count(after, "wishesByScope", "BUILDING")).isEqualTo(count(before, "wishesByScope", "BUILDING") + 2);
        JsonPath afterGrid = ok(admin.gql(DASHBOARD, vars("g", home)));
        assertThat(count(afterGrid, "wishesByState", "SUBMITTED"))
                .isEqualTo(count(beforeGrid, "wishesByState", "SUBMITTED") + 2);
        assertThat(count(afterGrid, "wishesByState", "DECLINED"))
                .isEqualTo(count(beforeGrid, "wishesByState", "DECLINED"));
        long total = Db.count(db, "select count(*) from fl_wishes where community_code = ?", CHANGQING);
        List<Map<String, Object>> byState = after.getList("data.fourListsDashboard.wishesByState");
        assertThat(byState.stream().mapToLong(c -> ((Number) c.get("count")).longValue()).sum()).isEqualTo(total);

        ok(Api.as("grid-worker").gql(DASHBOARD, vars("g", home)));
        ok(Api.as("committee-member").gql(DASHBOARD, vars("g", null)));
        for (String member : List.of("resident", "building-leader", "property-staff")) {
            assertThat(codes(Api.as(member).gql(DASHBOARD, vars("g", null)))).as(member).containsExactly("FORBIDDEN");
            assertThat(codes(Api.as(member).gql(DASHBOARD, vars("g", home)))).as(member).containsExactly("FORBIDDEN");
        }
        assertThat(codes(admin.gql(DASHBOARD, vars("g", "999999999")))).containsExactly("NOT_FOUND");
    }

    @Test
    void anOverdueTaskIsEscalatedIntoALevelThreeIncidentOnce() {
        Api admin = Api.as("community-admin");
        String title = unique("吹哨任务");
        String[] task = task(title);
        JsonPath early = admin.gql(ESCALATE, vars("id", task[1]));
        assertThat(codes(early)).containsExactly("CONFLICT");
        assertThat(reason(early)).isEqualTo("NOT_OVERDUE");
        // due yesterday: overdue, yet not long enough for the job to blow the whistle by itself
        Db.update(db, "update fl_tasks set due_on = current_date - 1 where id = ?", Long.valueOf(task[1]));
        assertThat(codes(Api.as("resident").gql(ESCALATE, vars("id", task[1])))).containsExactly("FORBIDDEN");
        JsonPath escalated = ok(admin.gql(ESCALATE, vars("id", task[1])));
        String incident = escalated.getString("data.escalateWishTask.incidentId");
        assertThat(incident).isNotNull();
        assertThat(escalated.getString("data.escalateWishTask.overdueSince")).isNotNull();
        assertThat(Db.count(db, "select level from grid_incidents where id = ?", Long.valueOf(incident))).isEqualTo(3);
        assertThat(Db.count(db, "select count(*) from grid_incidents where description like ?", "%" + title + "%"))
                .isEqualTo(1);
        JsonPath again = admin.gql(ESCALATE, vars("id", task[1]));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(reason(again)).isEqualTo("ESCALATED");
        ok(admin.gql(CANCEL_TASK, vars("id", task[1])));
    }

    /**
     * A whistle the grid refuses (the plugin's whistle category is not one of the grid's incident categories) leaves
     * the rest of the job done: the task is still marked overdue, and the job does not fail in the community.
     */
    @Test
    void aWhistleTheGridRefusesDoesNotStopTheJobFromMarkingTasksOverdue() {
        Api admin = Api.as("community-admin");
        Api platform = Api.as("admin");
        String title = unique("类别无效的逾期任务");
        String[] task = task(title);
        ok(platform.gql(SETTINGS, vars("c", CHANGQING, "m", "four-lists", "k", "whistle-category", "v", "parking")));
        try {
            Db.update(db, "update fl_tasks set due_on = current_date - 5 where id = ?", Long.valueOf(task[1]));
            assertThatCode(() -> scope.run(CHANGQING, () -> jobs.runIn(OffsetDateTime.now())))
                    .as("the four-lists job in changqing-6").doesNotThrowAnyException();
            JsonPath overdue = ok(admin.gql(TASKS_OF, vars("w", task[0])));
            assertThat(overdue.getString("data.wishTasks.edges[0].node.overdueSince")).isNotNull();
        } finally {
            ok(admin.gql(CANCEL_TASK, vars("id", task[1])));
            ok(platform.gql(SETTINGS, vars("c", CHANGQING, "m", "four-lists", "k", "whistle-category", "v", "other")));
        }
    }

    // --- 4. Statements per list -----------------------------------------------------------------------------

    @Test
    void theListsTakeAsManyStatementsWithTwentyRowsAsWithTwo() {
        Api admin = Api.as("community-admin");
        String unit = unit(unique("计数单位"));
        sign(draftAgreement(unique("计数协议"), unit, "计数承诺", unit(unique("计数单位"))));
        String tripartite = meeting("TRIPARTITE", unique("计数三方会议"));
        Map<String, String> lists = new LinkedHashMap<>();
        lists.put("wishes", "{ wishes(first: 100) { edges { node { id title history { state } } } } }");
        lists.put("deliberationMeetings", "{ deliberationMeetings(first: 100) { edges { node { id agenda { title } "
                + "resolutions { text } registered myRegistration { state } } } } }");
        lists.put("wishTasks", "{ wishTasks(first: 100) { edges { node { id agreedDuties { commitments } "
                + "history { state } } } } }");
        lists.put("microProjects", "{ microProjects(first: 100) { edges { node { id claims { quantity } "
                + "coverage { claimed } history { state } } } } }");

        Map<String, Long> few = null;
        Map<String, Integer> fewRows = null;
        for (int added : new int[] { 2, 18 }) {
            addRows(admin, added, unit, tripartite);
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Integer> rows = new LinkedHashMap<>();
            lists.forEach((list, query) -> {
                rows.put(list, ok(admin.gql(query)).getList("data." + list + ".edges").size());
                counts.put(list, statements(admin, query));
            });
            if (few == null) {
                few = counts;
                fewRows = rows;
                continue;
            }
            System.out.println("Four-lists statements per request (rows " + fewRows + ": " + few + "; rows " + rows
                    + ": " + counts + ")");
            for (String list : lists.keySet()) {
                assertThat(rows.get(list)).as("rows of " + list).isGreaterThan(fewRows.get(list));
            }
            assertThat(counts).as("statements with 18 rows more in each list").isEqualTo(few);
        }
    }

    /** The fewest statements of three runs of the query (a scheduled job may run alongside one). */
    private long statements(Api caller, String query) {
        return Statements.fewestOf(() -> ok(caller.gql(query)));
    }

    /** {@code n} more wishes (accepted), meetings (agenda, registration, resolution), tasks and projects (claimed). */
    private void addRows(Api admin, int n, String unit, String tripartite) {
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String wish = submitted(admin, unique("计数愿望"), "COMMUNITY", null);
            ok(admin.gql(ACCEPT, vars("id", wish)));

            String meeting = ok(admin.gql(SCHEDULE, vars("in", meetingInput("RESIDENTS_FORUM", unique("计数议事会"),
                    30)))).getString("data.scheduleDeliberationMeeting.id");
            ok(admin.gql(AGENDA, vars("m", meeting, "t", "议程")));
            ok(admin.gql(REGISTER, vars("m", meeting)));
            Db.update(db, "update fl_meetings set starts_at = now() - interval '5 minutes' where id = ?",
                    Long.valueOf(meeting));
            ok(admin.gql(RESOLVE, vars("m", meeting)));

            tasks.add(taskInput(unique("计数任务"), unit, null));

            String project = project(tripartite, unique("计数项目"));
            ok(admin.gql(CLAIM, vars("p", project, "in", claimInput(null, "邻亲物业"))));
        }
        String wish = acceptedWish(unique("计数任务愿望"));
        assertThat(ok(admin.gql(SPLIT, vars("w", wish, "m", tripartite, "t", tasks)))
                .getList("data.splitWishIntoTasks").stream().filter(Objects::nonNull).count()).isEqualTo(n);
    }
}
