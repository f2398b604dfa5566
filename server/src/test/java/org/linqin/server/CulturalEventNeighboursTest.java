package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.reason;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Events;
import org.linqin.server.support.Events.Event;
import org.linqin.server.support.Rooms;
import org.linqin.server.support.Volunteers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The cultural-event module with the modules it uses: teams by grid (grid), rooms (facility-booking), stewards
 * (volunteer-team), announcements (notice-board) and incidents (grid) where they are on, MODULE_DISABLED for what
 * needs one that is off; what visitors from elsewhere see; the QR ticket image and the iCalendar feed.
 */
@QuarkusTest
class CulturalEventNeighboursTest {

    static final String FORM = "mutation($e: ID!, $g: ID, $n: String!) { formCulturalEventTeam(input: {eventId: $e, "
            + "gridId: $g, name: $n}) { id eventId captainPersonId gridId gridName members { personId } } }";
    static final String ADD = "mutation($t: ID!, $p: ID!) { addCulturalEventTeamMember(teamId: $t, personId: $p) "
            + "{ teamId personId } }";
    static final String TEAMS = "query($e: ID!) { culturalEventTeams(eventId: $e) { id name members { personId } } }";
    static final String ITEM = "mutation($e: ID!, $n: String!, $k: CompetitionItemKind!) { "
            + "addCulturalEventCompetitionItem(input: {eventId: $e, name: $n, kind: $k}) { id name kind } }";
    static final String RESULT = "mutation($i: ID!, $t: ID!, $r: Int!, $p: Int!) { recordCulturalEventResult(input: "
            + "{itemId: $i, teamId: $t, rank: $r, points: $p, score: \"-\"}) { itemId teamId rank points } }";
    static final String LEADERBOARD = "query($e: ID!) { culturalEventLeaderboard(eventId: $e) { rank points "
            + "firstPlaces results team { id name } } }";
    static final String STEWARDS = "mutation($s: ID!, $t: ID!) { scheduleCulturalEventStewards(input: {subEventId: $s, "
            + "teamId: $t, position: \"安全引导\", peopleNeeded: 4}) { kind targetId teamId subEventId } }";
    static final String CHECK_IN_LIST = "mutation($e: ID!) { createCulturalEventCheckInList(input: {eventId: $e, "
            + "name: \"北门\"}) { id } }";
    static final String SCAN = "mutation($l: ID!, $c: String!) { checkInCulturalEventTicket(listId: $l, ticketCode: $c) "
            + "{ registrationId personName firstEntry partySize } }";
    static final String INCIDENT = "mutation($s: ID!) { reportCulturalEventIncident(input: {subEventId: $s, "
            + "category: \"safety\", description: \"舞台旁电线裸露\"}) { kind targetId teamId subEventId } }";
    static final String LINKS = "query($e: ID!) { culturalEventLinks(eventId: $e) { kind targetId teamId subEventId } }";
    static final String EVENT = "query($id: ID!) { culturalEvent(id: $id) { id title state visibility "
            + "subEvents { id title } } }";
    static final String UPCOMING = "{ upcomingCulturalEvents(first: 100) { edges { node { title } } } }";

    @Inject
    AgroalDataSource db;

    /** The id of the grid the demo user lives in, or null. */
    static String gridOf(String username) {
        return ok(Api.as(username).gql("{ myGrid { id } }")).getString("data.myGrid.id");
    }

    static List<String> upcomingTitles(Api caller) {
        return ok(caller.gql(UPCOMING)).getList("data.upcomingCulturalEvents.edges.node.title");
    }

    static long eventsTitled(AgroalDataSource db, String title) {
        return Db.count(db, "select count(*) from event_events where title = ?", title);
    }

    // --- 1. Teams by grid, items, results and the leaderboard -------------------------------------------------

    @Test
    void teamsAreFormedPerGridByThoseLivingThereAndRankedOnTheLeaderboard() {
        Event event = Events.published("睦邻运动会", "MEMBERS", "SPORTS");
        Api resident = Api.as("resident");
        String home = gridOf("resident");
        assertThat(home).as("the demo resident lives in a grid").isNotNull();
        JsonPath grids = ok(Api.as("community-admin").gql("{ grids { id name } }"));
        String homeName = grids.getString("data.grids.find { it.id == '" + home + "' }.name");
        String elsewhere = grids.<String> getList("data.grids.id").stream().filter(g -> !g.equals(home)).findFirst()
                .orElseThrow();
        // neighbours in the resident's grid and residents of other grids (none of them organisers)
        List<String> neighbours = Stream.of("team-leader", "owners-committee").filter(u -> home.equals(gridOf(u)))
                .toList();
        List<String> outsiders = Stream.of("volunteer", "party-member", "building-leader").filter(u -> {
            String grid = gridOf(u);
            return grid != null && !grid.equals(home);
        }).toList();
        assertThat(neighbours).hasSize(2);
        assertThat(outsiders).hasSizeGreaterThanOrEqualTo(2);
        String residentId = Volunteers.personId("resident");

        // a team of a grid the caller does not live in
        JsonPath notHome = resident.gql(FORM, vars("e", event.id(), "g", elsewhere, "n", "外网格队"));
        assertThat(codes(notHome)).containsExactly("CONFLICT");
        assertThat(reason(notHome)).isEqualTo("NOT_IN_GRID");
        // with the grid module on, the grid must be named
        JsonPath noGrid = resident.gql(FORM, vars("e", event.id(), "n", "无网格队"));
        assertThat(codes(noGrid)).containsExactly("VALIDATION_FAILED");
        assertThat(noGrid.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.gridId");
        assertThat(ok(resident.gql(TEAMS, vars("e", event.id()))).getList("data.culturalEventTeams")).isEmpty();

        JsonPath a = ok(resident.gql(FORM, vars("e", event.id(), "g", home, "n", "A队")));
        String teamA = a.getString("data.formCulturalEventTeam.id");
        assertThat(a.getString("data.formCulturalEventTeam.eventId")).isEqualTo(event.id());
        assertThat(a.getString("data.formCulturalEventTeam.captainPersonId")).isEqualTo(residentId);
        assertThat(a.getString("data.formCulturalEventTeam.gridId")).isEqualTo(home);
        assertThat(a.getString("data.formCulturalEventTeam.gridName")).isEqualTo(homeName);
        assertThat(a.getList("data.formCulturalEventTeam.members.personId")).containsExactly(residentId);
        String outsider = outsiders.get(0);
        String teamC = ok(Api.as(outsider).gql(FORM, vars("e", event.id(), "g", gridOf(outsider), "n", "C队")))
                .getString("data.formCulturalEventTeam.id");
        String teamB = ok(Api.as(neighbours.get(0)).gql(FORM, vars("e", event.id(), "g", home, "n", "B队")))
                .getString("data.formCulturalEventTeam.id");

        // one team per person and event: forming a second, or being added to another
        JsonPath second = resident.gql(FORM, vars("e", event.id(), "g", home, "n", "A二队"));
        assertThat(codes(second)).containsExactly("CONFLICT");
        assertThat(reason(second)).isEqualTo("IN_ANOTHER_TEAM");
        JsonPath addedElsewhere = Api.as(neighbours.get(0)).gql(ADD, vars("t", teamB, "p", residentId));
        assertThat(codes(addedElsewhere)).containsExactly("CONFLICT");
        assertThat(reason(addedElsewhere)).isEqualTo("IN_ANOTHER_TEAM");
        JsonPath joinsElsewhere = resident.gql(ADD, vars("t", teamB, "p", residentId));
        assertThat(codes(joinsElsewhere)).containsExactly("CONFLICT");
        assertThat(reason(joinsElsewhere)).isEqualTo("IN_ANOTHER_TEAM");
        // neither captain nor organiser nor the person themself
        String mate = Volunteers.personId(neighbours.get(1));
        assertThat(codes(Api.as(outsider).gql(ADD, vars("t", teamA, "p", mate)))).containsExactly("FORBIDDEN");
        // the captain adds someone living in another grid
        JsonPath stranger = resident.gql(ADD, vars("t", teamA, "p", Volunteers.personId(outsiders.get(1))));
        assertThat(codes(stranger)).containsExactly("CONFLICT");
        assertThat(reason(stranger)).isEqualTo("NOT_IN_GRID");
        // the captain adds a neighbour
        JsonPath added = ok(resident.gql(ADD, vars("t", teamA, "p", mate)));
        assertThat(added.getString("data.addCulturalEventTeamMember.teamId")).isEqualTo(teamA);
        JsonPath teams = ok(resident.gql(TEAMS, vars("e", event.id())));
        assertThat(teams.getList("data.culturalEventTeams.id")).containsExactly(teamA, teamC, teamB);
        assertThat(teams.getList("data.culturalEventTeams[0].members.personId")).containsExactly(residentId, mate);

        // items and results: organisers only
        Api admin = Api.as("community-admin");
        assertThat(codes(resident.gql(ITEM, vars("e", event.id(), "n", "拔河", "k", "TUG_OF_WAR"))))
                .containsExactly("FORBIDDEN");
        String tug = ok(admin.gql(ITEM, vars("e", event.id(), "n", "拔河", "k", "TUG_OF_WAR")))
                .getString("data.addCulturalEventCompetitionItem.id");
        String relay = ok(admin.gql(ITEM, vars("e", event.id(), "n", "接力", "k", "RELAY")))
                .getString("data.addCulturalEventCompetitionItem.id");
        assertThat(codes(resident.gql(RESULT, vars("i", tug, "t", teamA, "r", 1, "p", 100))))
                .containsExactly("FORBIDDEN");
        assertThat(Db.count(db, "select count(*) from event_results where item_id = ?", Long.valueOf(tug))).isZero();
        // A and B: 15 points and one win each (tie, shared rank); C: 2 points. C was formed before B.
        ok(admin.gql(RESULT, vars("i", tug, "t", teamA, "r", 1, "p", 10)));
        ok(admin.gql(RESULT, vars("i", tug, "t", teamB, "r", 2, "p", 5)));
        ok(admin.gql(RESULT, vars("i", tug, "t", teamC, "r", 3, "p", 1)));
        ok(admin.gql(RESULT, vars("i", relay, "t", teamB, "r", 1, "p", 10)));
        ok(admin.gql(RESULT, vars("i", relay, "t", teamA, "r", 2, "p", 5)));
        ok(admin.gql(RESULT, vars("i", relay, "t", teamC, "r", 3, "p", 1)));
        JsonPath board = ok(resident.gql(LEADERBOARD, vars("e", event.id())));
        assertThat(board.getList("data.culturalEventLeaderboard.team.id")).containsExactly(teamA, teamB, teamC);
        assertThat(board.getList("data.culturalEventLeaderboard.rank", Integer.class)).containsExactly(1, 1, 3);
        assertThat(board.getList("data.culturalEventLeaderboard.points", Integer.class)).containsExactly(15, 15, 2);
        assertThat(board.getList("data.culturalEventLeaderboard.firstPlaces", Integer.class)).containsExactly(1, 1, 0);
        assertThat(board.getList("data.culturalEventLeaderboard.results", Integer.class)).containsExactly(2, 2, 2);
        JsonPath items = ok(resident.gql("query($e: ID!) { culturalEventCompetitionItems(eventId: $e) { id "
                + "results { teamId rank } } }", vars("e", event.id())));
        assertThat(items.getList("data.culturalEventCompetitionItems.id")).containsExactly(tug, relay);
        assertThat(items.getList("data.culturalEventCompetitionItems[1].results.teamId"))
                .containsExactly(teamB, teamA, teamC);
    }

    // --- 2. Joined up with the notice board, volunteer teams and the grid -------------------------------------

    @Test
    void publishingPostsANoticeUnlessAnnounceIsFalse() {
        Api admin = Api.as("community-admin");
        Event told = Events.create(admin, Events.input("邻里音乐会", "PUBLIC", "CULTURE", 25));
        Event quiet = Events.create(admin, Events.input("安静发布", "PUBLIC", "CULTURE", 25));
        Event byDefault = Events.create(admin, Events.input("默认发布", "MEMBERS", "CULTURE", 25));
        Events.publish(admin, told.id(), true);
        Events.publish(admin, quiet.id(), false);
        assertThat(ok(admin.gql("mutation($id: ID!) { publishCulturalEvent(id: $id) { state } }",
                vars("id", byDefault.id()))).getString("data.publishCulturalEvent.state")).isEqualTo("PUBLISHED");

        List<Map<String, Object>> notices = notices(Api.as("resident"));
        List<Object> titles = notices.stream().map(n -> n.get("title")).toList();
        assertThat(titles).contains("活动预告：" + told.title(), "活动预告：" + byDefault.title());
        assertThat(titles).noneMatch(t -> String.valueOf(t).contains(quiet.title()));
        String body = (String) notices.stream().filter(n -> ("活动预告：" + told.title()).equals(n.get("title")))
                .findFirst().orElseThrow().get("body");
        assertThat(body).contains(told.subEventTitle(), "小区花园");
    }

    /** Every current notice, page by page. */
    static List<Map<String, Object>> notices(Api caller) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = ok(caller.gql("query($a: String) { notices(first: 100, after: $a) { edges { node { title "
                    + "body } } pageInfo { hasNextPage endCursor } } }", vars("a", after)));
            all.addAll(page.getList("data.notices.edges.node"));
            after = page.getBoolean("data.notices.pageInfo.hasNextPage")
                    ? page.getString("data.notices.pageInfo.endCursor") : null;
        } while (after != null);
        return all;
    }

    @Test
    void stewardsOfAVolunteerTeamScanTicketsAndAnIncidentGoesToTheGrid() {
        Api admin = Api.as("community-admin");
        Event event = Events.published("邻亲文化节", "MEMBERS", "FESTIVAL");
        Map<String, String> team = Volunteers.team("EVENT_SUPPORT");

        // stewards scan tickets and read the roster: organisers choose them, a team leader alone does not
        Event draft = Events.draft("草稿文化节", "MEMBERS");
        assertThat(codes(Api.as("team-leader").gql(STEWARDS, vars("s", draft.subEventId(), "t", team.get("id")))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("team-leader").gql(STEWARDS, vars("s", event.subEventId(), "t", team.get("id")))))
                .containsExactly("FORBIDDEN");
        assertThat(Db.count(db, "select count(*) from event_links where event_id = ?", Long.valueOf(draft.id())))
                .isZero();
        // an organiser staffs it before publishing
        assertThat(ok(admin.gql(STEWARDS, vars("s", draft.subEventId(), "t", team.get("id"))))
                .getString("data.scheduleCulturalEventStewards.kind")).isEqualTo("STEWARD_SHIFT");
        assertThat(codes(Api.as("resident").gql(STEWARDS, vars("s", event.subEventId(), "t", team.get("id")))))
                .containsExactly("FORBIDDEN");
        JsonPath link = ok(admin.gql(STEWARDS, vars("s", event.subEventId(), "t", team.get("id"))));
        assertThat(link.getString("data.scheduleCulturalEventStewards.kind")).isEqualTo("STEWARD_SHIFT");
        assertThat(link.getString("data.scheduleCulturalEventStewards.teamId")).isEqualTo(team.get("id"));
        assertThat(link.getString("data.scheduleCulturalEventStewards.subEventId")).isEqualTo(event.subEventId());
        String shift = link.getString("data.scheduleCulturalEventStewards.targetId");
        JsonPath seen = ok(Api.as("team-leader").gql("query($id: ID!) { volunteerShift(id: $id) { teamId startsAt "
                + "endsAt placeName state positions { name needed } } }", vars("id", shift)));
        assertThat(seen.getString("data.volunteerShift.teamId")).isEqualTo(team.get("id"));
        assertThat(OffsetDateTime.parse(seen.getString("data.volunteerShift.startsAt")))
                .isEqualTo(event.startsAt().minusMinutes(30));
        assertThat(OffsetDateTime.parse(seen.getString("data.volunteerShift.endsAt"))).isEqualTo(event.endsAt());
        assertThat(seen.getString("data.volunteerShift.placeName")).isEqualTo("小区花园");
        assertThat(seen.getList("data.volunteerShift.positions.name")).containsExactly("安全引导");
        assertThat(seen.getList("data.volunteerShift.positions.needed", Integer.class)).containsExactly(4);

        String list = ok(admin.gql(CHECK_IN_LIST, vars("e", event.id())))
                .getString("data.createCulturalEventCheckInList.id");
        Map<String, String> ticket = Events.register("resident", event);
        assertThat(ticket.get("state")).isEqualTo("CONFIRMED");
        Map<String, Object> scan = vars("l", list, "c", ticket.get("ticketCode").toLowerCase());
        // not (yet) a steward, and a plain resident
        assertThat(codes(Api.as("volunteer").gql(SCAN, scan))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("resident").gql(SCAN, scan))).containsExactly("FORBIDDEN");
        Volunteers.join("volunteer", team.get("joinCode"), List.of());
        JsonPath scanned = ok(Api.as("volunteer").gql(SCAN, scan));
        assertThat(scanned.getString("data.checkInCulturalEventTicket.registrationId")).isEqualTo(ticket.get("id"));
        assertThat(scanned.getString("data.checkInCulturalEventTicket.personName")).isEqualTo("郑居民");
        assertThat(scanned.getBoolean("data.checkInCulturalEventTicket.firstEntry")).isTrue();
        JsonPath again = Api.as("volunteer").gql(SCAN, scan);
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(reason(again)).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(codes(Api.as("resident").gql(SCAN, scan))).containsExactly("FORBIDDEN");

        JsonPath reported = ok(Api.as("resident").gql(INCIDENT, vars("s", event.subEventId())));
        assertThat(reported.getString("data.reportCulturalEventIncident.kind")).isEqualTo("INCIDENT");
        assertThat(reported.getString("data.reportCulturalEventIncident.teamId")).isNull();
        String incident = reported.getString("data.reportCulturalEventIncident.targetId");
        JsonPath inGrid = ok(Api.as("resident").gql("query($id: ID!) { incident(id: $id) { category description "
                + "reporterPersonId } }", vars("id", incident)));
        assertThat(inGrid.getString("data.incident.category")).isEqualTo("safety");
        assertThat(inGrid.getString("data.incident.description"))
                .contains(event.title(), event.subEventTitle(), "舞台旁电线裸露");
        assertThat(inGrid.getString("data.incident.reporterPersonId")).isEqualTo(Volunteers.personId("resident"));

        JsonPath links = ok(admin.gql(LINKS, vars("e", event.id())));
        assertThat(links.getList("data.culturalEventLinks.kind")).containsExactly("STEWARD_SHIFT", "INCIDENT");
        assertThat(links.getList("data.culturalEventLinks.targetId")).containsExactly(shift, incident);
        assertThat(links.getList("data.culturalEventLinks.teamId")).containsExactly(team.get("id"), null);
        assertThat(links.getList("data.culturalEventLinks.subEventId"))
                .containsExactly(event.subEventId(), event.subEventId());
        assertThat(codes(Api.as("resident").gql(LINKS, vars("e", event.id())))).containsExactly("FORBIDDEN");
    }

    // --- 3. Neighbouring modules off --------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    static Map<String, Object> withRoom(Map<String, Object> input, String room) {
        Map<String, Object> sub = ((List<Map<String, Object>>) input.get("subEvents")).get(0);
        sub.remove("venueName");
        sub.put("roomId", room);
        return input;
    }

    @Test
    void aRoomIsBookedOnPublishingAndNeedsFacilityBooking() {
        Api admin = Api.as("community-admin");
        Api platform = Api.as("admin");
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 365}");
        JsonPath drafted = ok(admin.gql(Events.CREATE, Map.of("in", withRoom(Events.input("讲座", "MEMBERS",
                "LECTURE", 30), room))));
        String id = drafted.getString("data.createCulturalEvent.id");
        assertThat(drafted.getString("data.createCulturalEvent.subEvents[0].roomId")).isEqualTo(room);
        assertThat(drafted.getString("data.createCulturalEvent.subEvents[0].venueName")).startsWith("测试室-");
        assertThat(drafted.getString("data.createCulturalEvent.subEvents[0].bookingId")).isNull();
        JsonPath published = ok(admin.gql(Events.PUBLISH, vars("id", id, "a", false)));
        assertThat(published.getString("data.publishCulturalEvent.subEvents[0].bookingId")).isNotNull();

        ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "changqing-6", "m", "facility-booking")));
        try {
            Map<String, Object> input = withRoom(Events.input("无预约模块讲座", "MEMBERS", "LECTURE", 31), room);
            JsonPath refused = admin.gql(Events.CREATE, Map.of("in", input));
            assertThat(codes(refused)).containsExactly("MODULE_DISABLED");
            assertThat(refused.getString("errors[0].message")).contains("'facility-booking'");
            assertThat(eventsTitled(db, (String) input.get("title"))).isZero();
            // without a room, events are made and published as before
            Event plain = Events.create(admin, Events.input("无预约模块花园活动", "MEMBERS", "LECTURE", 31));
            Events.publish(admin, plain.id(), false);
            assertThat(ok(admin.gql(EVENT, vars("id", plain.id()))).getString("data.culturalEvent.state"))
                    .isEqualTo("PUBLISHED");
        } finally {
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "changqing-6", "m", "facility-booking")));
        }
    }

    @Test
    void stewardsNeedTheVolunteerTeamModule() {
        Api admin = Api.as("community-admin");
        Api platform = Api.as("admin");
        Event event = Events.published("无志愿模块活动", "MEMBERS", "CULTURE");
        Map<String, String> team = Volunteers.team("EVENT_SUPPORT");
        ok(admin.gql(STEWARDS, vars("s", event.subEventId(), "t", team.get("id"))));
        Volunteers.join("volunteer", team.get("joinCode"), List.of());
        String list = ok(admin.gql(CHECK_IN_LIST, vars("e", event.id())))
                .getString("data.createCulturalEventCheckInList.id");
        Map<String, String> ticket = Events.register("resident", event);

        ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "changqing-6", "m", "volunteer-team")));
        try {
            JsonPath refused = admin.gql(STEWARDS, vars("s", event.subEventId(), "t", team.get("id")));
            assertThat(codes(refused)).containsExactly("MODULE_DISABLED");
            assertThat(refused.getString("errors[0].message")).contains("'volunteer-team'");
            assertThat(ok(admin.gql(LINKS, vars("e", event.id()))).getList("data.culturalEventLinks")).hasSize(1);
            // stewards scan only where their module is on; organisers always do
            Map<String, Object> scan = vars("l", list, "c", ticket.get("ticketCode"));
            assertThat(codes(Api.as("volunteer").gql(SCAN, scan))).containsExactly("FORBIDDEN");
            assertThat(ok(admin.gql(SCAN, scan)).getString("data.checkInCulturalEventTicket.registrationId"))
                    .isEqualTo(ticket.get("id"));
        } finally {
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "changqing-6", "m", "volunteer-team")));
        }
    }

    @Test
    void withoutTheGridModuleTeamsNameNoGridAndAnyoneMayJoin() {
        Api platform = Api.as("admin");
        Api resident = Api.as("resident");
        Event event = Events.published("无网格运动会", "MEMBERS", "SPORTS");
        String home = gridOf("resident");
        String outsider = Stream.of("volunteer", "party-member", "building-leader").filter(u -> {
            String grid = gridOf(u);
            return grid != null && !grid.equals(home);
        }).findFirst().orElseThrow();
        String outsiderId = Volunteers.personId(outsider);
        String residentId = Volunteers.personId("resident");

        ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "changqing-6", "m", "grid")));
        try {
            JsonPath withGrid = resident.gql(FORM, vars("e", event.id(), "g", home, "n", "有网格队"));
            assertThat(codes(withGrid)).containsExactly("MODULE_DISABLED");
            assertThat(withGrid.getString("errors[0].message")).contains("'grid'");
            JsonPath formed = ok(resident.gql(FORM, vars("e", event.id(), "n", "邻里队")));
            String team = formed.getString("data.formCulturalEventTeam.id");
            assertThat(formed.getString("data.formCulturalEventTeam.gridId")).isNull();
            assertThat(formed.getString("data.formCulturalEventTeam.gridName")).isNull();
            assertThat(formed.getString("data.formCulturalEventTeam.captainPersonId")).isEqualTo(residentId);
            // someone of another grid: no residence check without the grid module
            ok(resident.gql(ADD, vars("t", team, "p", outsiderId)));
            assertThat(ok(resident.gql(TEAMS, vars("e", event.id())))
                    .getList("data.culturalEventTeams[0].members.personId")).containsExactly(residentId, outsiderId);
            JsonPath incident = resident.gql(INCIDENT, vars("s", event.subEventId()));
            assertThat(codes(incident)).containsExactly("MODULE_DISABLED");
            assertThat(incident.getString("errors[0].message")).contains("'grid'");
            assertThat(Db.count(db, "select count(*) from event_links where event_id = ?", Long.valueOf(event.id())))
                    .isZero();
        } finally {
            ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "changqing-6", "m", "grid")));
        }
    }

    // --- 3 and 4. The module itself off; another community ---------------------------------------------------

    @Test
    void whereTheModuleIsOffItAnswersModuleDisabledAndAnotherCommunityNeverSeesChangqingEvents() {
        Event changqing = Events.published("长青公开活动", "PUBLIC", "CULTURE");
        Api platform = Api.as("admin");
        Api secondAdmin = Api.as("second-admin");
        // off in demo-second as seeded
        JsonPath off = secondAdmin.gql("{ upcomingCulturalEvents { totalCount } }");
        assertThat(codes(off)).containsExactly("MODULE_DISABLED");
        assertThat(off.getString("errors[0].message")).contains("'cultural-event'");
        assertThat(codes(Api.anonymous().in("demo-second").gql(EVENT, vars("id", changqing.id()))))
                .containsExactly("MODULE_DISABLED");
        Map<String, Object> refusedInput = Events.input("第二社区关闭时", "PUBLIC", "OTHER", 15);
        assertThat(codes(secondAdmin.gql(Events.CREATE, Map.of("in", refusedInput)))).containsExactly("MODULE_DISABLED");
        assertThat(eventsTitled(db, (String) refusedInput.get("title"))).isZero();
        given().get("/calendar/events/demo-second.ics").then().statusCode(404);

        ok(platform.gql(ModuleEnablementTest.ENABLE, vars("c", "demo-second", "m", "cultural-event")));
        try {
            // the feed is the first to ask after the change: an empty calendar now
            assertThat(given().get("/calendar/events/demo-second.ics").then().statusCode(200).extract().asString())
                    .startsWith("BEGIN:VCALENDAR").doesNotContain("BEGIN:VEVENT");
            // changqing-6's event does not exist in demo-second, for its admin and its residents
            JsonPath foreign = secondAdmin.gql(EVENT, vars("id", changqing.id()));
            assertThat(codes(foreign)).containsExactly("NOT_FOUND");
            assertThat(foreign.getString("data.culturalEvent")).isNull();
            assertThat(codes(Api.as("second-resident").gql(Events.REGISTER, vars("s", changqing.subEventId(),
                    "t", changqing.ticketKindId(), "p", 1)))).containsExactly("NOT_FOUND");
            assertThat(upcomingTitles(secondAdmin)).doesNotContain(changqing.title());

            // its own events work, without a notice board (announce has nowhere to go)
            Event own = Events.create(secondAdmin, Events.input("第二社区活动", "PUBLIC", "OTHER", 15));
            Events.publish(secondAdmin, own.id(), true);
            assertThat(Events.register("second-resident", own).get("state")).isEqualTo("CONFIRMED");
            assertThat(upcomingTitles(Api.as("second-resident"))).contains(own.title())
                    .doesNotContain(changqing.title());
            String ics = given().get("/calendar/events/demo-second.ics").then().statusCode(200).extract().asString();
            assertThat(ics).contains(own.subEventTitle()).doesNotContain(changqing.subEventTitle());
        } finally {
            ok(platform.gql(ModuleEnablementTest.DISABLE, vars("c", "demo-second", "m", "cultural-event")));
        }
    }

    @Test
    void visitorsFromElsewhereSeePublicEventsOnlyAndCannotRegister() {
        Event open = Events.published("公开音乐会", "PUBLIC", "CULTURE");
        Event members = Events.published("居民茶话会", "MEMBERS", "CULTURE");
        List<Api> visitors = List.of(Api.as("second-resident").in("changqing-6"),
                Api.as("second-admin").in("changqing-6"), Api.anonymous().in("changqing-6"));
        for (Api visitor : visitors) {
            assertThat(upcomingTitles(visitor)).contains(open.title()).doesNotContain(members.title());
            JsonPath seen = ok(visitor.gql(EVENT, vars("id", open.id())));
            assertThat(seen.getString("data.culturalEvent.title")).isEqualTo(open.title());
            assertThat(seen.getString("data.culturalEvent.visibility")).isEqualTo("PUBLIC");
            assertThat(seen.getList("data.culturalEvent.subEvents.id")).containsExactly(open.subEventId());
            JsonPath hidden = visitor.gql(EVENT, vars("id", members.id()));
            assertThat(codes(hidden)).containsExactly("NOT_FOUND");
            assertThat(hidden.getString("data.culturalEvent")).isNull();
        }
        Map<String, Object> registration = vars("s", open.subEventId(), "t", open.ticketKindId(), "p", 1);
        assertThat(codes(Api.as("second-resident").in("changqing-6").gql(Events.REGISTER, registration)))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("second-admin").in("changqing-6").gql(Events.REGISTER, registration)))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.anonymous().in("changqing-6").gql(Events.REGISTER, registration)))
                .containsExactly("UNAUTHENTICATED");
        assertThat(Db.count(db, "select count(*) from event_registrations where event_id = ?", Long.valueOf(open.id())))
                .isZero();
        // nor does another community's admin organise here
        Map<String, Object> input = Events.input("越权活动", "PUBLIC", "OTHER", 15);
        assertThat(codes(Api.as("second-admin").in("changqing-6").gql(Events.CREATE, Map.of("in", input))))
                .containsExactly("FORBIDDEN");
        assertThat(eventsTitled(db, (String) input.get("title"))).isZero();
        // events for all ages match every age group
        assertThat(ok(Api.anonymous().in("changqing-6").gql("{ upcomingCulturalEvents(first: 100, ageGroup: SENIORS) "
                + "{ edges { node { title } } } }")).getList("data.upcomingCulturalEvents.edges.node.title"))
                .contains(open.title());
        // members see both
        assertThat(upcomingTitles(Api.as("resident"))).contains(open.title(), members.title());
        ok(Api.as("resident").gql(EVENT, vars("id", members.id())));
        assertThat(Events.register("resident", open).get("state")).isEqualTo("CONFIRMED");
    }

    @Test
    void draftsAreSeenByOrganisersOnly() {
        Event draft = Events.draft("草稿活动", "PUBLIC");
        for (Api outsider : List.of(Api.as("resident"), Api.anonymous().in("changqing-6"))) {
            assertThat(codes(outsider.gql(EVENT, vars("id", draft.id())))).containsExactly("NOT_FOUND");
            assertThat(upcomingTitles(outsider)).doesNotContain(draft.title());
        }
        assertThat(codes(Api.as("resident").gql(Events.REGISTER, vars("s", draft.subEventId(),
                "t", draft.ticketKindId(), "p", 1)))).containsExactly("NOT_FOUND");
        assertThat(codes(Api.as("resident").gql("{ managedCulturalEvents { totalCount } }")))
                .containsExactly("FORBIDDEN");
        Api admin = Api.as("community-admin");
        assertThat(ok(admin.gql(EVENT, vars("id", draft.id()))).getString("data.culturalEvent.state"))
                .isEqualTo("DRAFT");
        assertThat(ok(admin.gql("{ managedCulturalEvents(state: DRAFT, first: 100) { edges { node { title } } } }"))
                .getList("data.managedCulturalEvents.edges.node.title")).contains(draft.title());
        assertThat(given().get("/calendar/events/changqing-6.ics").then().statusCode(200).extract().asString())
                .doesNotContain(draft.subEventTitle());
    }

    // --- 5. Plain HTTP: the ticket's QR image and the calendar feed -----------------------------------------

    @Test
    void aTicketCodeIsAPngAndPublicEventsAreInTheCalendarFeed() {
        Event open = Events.published("日历公开活动", "PUBLIC", "CULTURE");
        Event members = Events.published("日历居民活动", "MEMBERS", "CULTURE");
        String code = Events.register("resident", open).get("ticketCode");
        byte[] png = given().get("/events/tickets/" + code + ".png").then().statusCode(200)
                .contentType("image/png").extract().asByteArray();
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n');
        assertThat(png.length).isGreaterThan(100);
        given().get("/events/tickets/not-a-code.png").then().statusCode(404);
        given().get("/events/tickets/" + code.substring(1) + ".png").then().statusCode(404);

        String ics = given().get("/calendar/events/changqing-6.ics").then().statusCode(200)
                .contentType("text/calendar; charset=utf-8").extract().asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
        assertThat(ics).contains("SUMMARY:" + open.title() + " · " + open.subEventTitle() + "\r\n");
        assertThat(ics).doesNotContain(members.subEventTitle()).doesNotContain(members.title());
        given().get("/calendar/events/atlantis.ics").then().statusCode(404);
    }
}
