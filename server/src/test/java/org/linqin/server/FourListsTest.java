package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.reason;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.fourlists.service.FourListsJobs;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Rooms;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The four-lists plugin through HTTP, as a client calls it: wishes with supports, similar wishes and answers;
 * deliberation meetings with conveners, invitees, rooms, attendance, resolutions and closing; tasks split at tripartite
 * meetings and escalated once when overdue; micro projects claimed in parts; and the residents' evaluation. Every
 * refusal is checked to have written nothing.
 */
@QuarkusTest
class FourListsTest {

    static final String COMMUNITY = "changqing-6";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    static final String HOME = "{ me { person { id building { id } } } }";
    static final String SUBMIT = "mutation($i: WishInput!) { submitWish(input: $i) { wish { id state scopeKind "
            + "scopeName isPublic mine supports } similar { id } } }";
    static final String SIMILAR = "query($t: String!) { similarWishes(text: $t) { id } }";
    static final String SUPPORT = "mutation($id: ID!) { supportWish(id: $id) { id supports } }";
    static final String ANSWER = "mutation($id: ID!, $d: WishAnswerDecision!, $t: String, $m: ID) { "
            + "answerWish(id: $id, input: {decision: $d, text: $t, mergeIntoId: $m}) { id state answer mergedIntoId "
            + "answeredAt closedAt } }";
    static final String WISH = "query($id: ID!) { wish(id: $id) { id state isPublic mine supports answer ratings "
            + "ratingAverage evaluationClosesAt closedAt history { state actor note } } }";
    static final String EVALUATE = "mutation($id: ID!, $r: Int!) { evaluateWish(id: $id, rating: $r, comment: \"好多了\") "
            + "{ id wishId rating } }";

    static final String SCHEDULE = "mutation($i: DeliberationMeetingInput!) { scheduleDeliberationMeeting(input: $i) "
            + "{ id kind state buildingId venueName roomId roomBookingId invitees { buildingId name } } }";
    static final String CANCEL = "mutation($id: ID!) { cancelDeliberationMeeting(id: $id, reason: \"改期\") "
            + "{ id state cancelReason } }";
    static final String REGISTER = "mutation($m: ID!) { registerForDeliberationMeeting(meetingId: $m) "
            + "{ meetingId state } }";
    static final String ATTENDANCE = "mutation($m: ID!, $p: [String]!) { recordDeliberationAttendance(meetingId: $m, "
            + "personIds: $p) }";
    static final String RESOLVE = "mutation($m: ID!, $i: DeliberationResolutionInput!) { "
            + "recordDeliberationResolution(meetingId: $m, input: $i) { id adopted votesFor } }";
    static final String CLOSE = "mutation($id: ID!) { closeDeliberationMeeting(id: $id, input: {minutes: \"会议纪要：……\", "
            + "summary: \"形成一项决议。\", walkIns: 3}) { id state attended walkIns closedAt "
            + "resolutions { text adopted } } }";
    static final String MY_REGISTRATION = "query($id: ID!) { deliberationMeeting(id: $id) { registered "
            + "myRegistration { state checkedInAt } } }";

    static final String SPLIT = "mutation($w: ID!, $m: ID!, $t: [WishTaskInput]!) { splitWishIntoTasks(wishId: $w, "
            + "meetingId: $m, tasks: $t) { id party unitName state dueOn } }";
    static final String UPDATE_TASK = "mutation($id: ID!, $s: WishTaskState, $p: Int) { updateWishTask(id: $id, "
            + "input: {state: $s, progress: $p, note: \"已进场施工\"}) { id state progress doneAt } }";
    static final String ESCALATE = "mutation($id: ID!) { escalateWishTask(id: $id) { id overdueSince incidentId } }";
    static final String TASKS = "query($w: ID!) { wishTasks(wishId: $w, first: 50) { edges { node { id state "
            + "overdueSince incidentId } } } }";

    static final String PROPOSE = "mutation($i: MicroProjectInput!) { proposeMicroProject(input: $i) { id state wishId "
            + "needs { kind quantity } } }";
    static final String CLAIM = "mutation($p: ID!, $i: MicroProjectClaimInput!) { claimMicroProject(projectId: $p, "
            + "input: $i) { id needIndex party quantity } }";
    static final String PROJECT = "query($id: ID!) { microProject(id: $id) { id state startedAt completedAt "
            + "coverage { needIndex quantity claimed } } }";
    static final String COMPLETE = "mutation($id: ID!) { completeMicroProject(id: $id, note: \"已完工\") "
            + "{ id state progress completedAt } }";

    @Inject
    AgroalDataSource db;

    @Inject
    FourListsJobs jobs;

    @Inject
    CommunityScope scope;

    /** Where a demo user lives: their person and building ids. */
    record Home(String personId, String buildingId) {
    }

    static Home home(String username) {
        JsonPath me = ok(Api.as(username).gql(HOME));
        return new Home(me.getString("data.me.person.id"), me.getString("data.me.person.building.id"));
    }

    /** A word of lower-case letters and digits that keeps this test's wishes apart from any other. */
    static String tag() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    static Map<String, Object> wishInput(String title, String body, String scopeKind, String scopeId) {
        return vars("title", title, "body", body, "scopeKind", scopeKind, "scopeId", scopeId);
    }

    static JsonPath submit(String username, Map<String, Object> input) {
        return Api.as(username).gql(SUBMIT, vars("i", input));
    }

    /** Submits a wish of the building the user lives in; returns its id. */
    static String wishOfMyBuilding(String username, String title) {
        return ok(submit(username, wishInput(title, title + "，请尽快处理。", "BUILDING", home(username).buildingId())))
                .getString("data.submitWish.wish.id");
    }

    static JsonPath answer(String username, String wish, String decision, String text, String mergeInto) {
        return Api.as(username).gql(ANSWER, vars("id", wish, "d", decision, "t", text, "m", mergeInto));
    }

    /** A time in Shanghai, some days from today. */
    static OffsetDateTime at(int days, int hour) {
        return LocalDate.now(ZONE).plusDays(days).atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }

    static Map<String, Object> meetingInput(String kind, String title, String building, OffsetDateTime from,
            OffsetDateTime to) {
        return vars("kind", kind, "title", title, "buildingId", building, "startsAt", from.toString(), "endsAt",
                to.toString(), "venueName", "6栋架空层");
    }

    static JsonPath schedule(String username, Map<String, Object> input) {
        return Api.as(username).gql(SCHEDULE, vars("i", input));
    }

    /** A meeting scheduled by a community admin at a named venue; returns its id. */
    static String meeting(String kind, String title, int days) {
        return ok(schedule("community-admin", meetingInput(kind, title, null, at(days, 10), at(days, 12))))
                .getString("data.scheduleDeliberationMeeting.id");
    }

    static Map<String, Object> task(String title, String party, String unit, LocalDate due) {
        return vars("title", title, "party", party, "unitName", unit, "dueOn", due.toString());
    }

    static Map<String, Object> claim(int need, String party, int quantity) {
        return vars("needIndex", need, "party", party, "partyName", party + " 认领方", "quantity", quantity,
                "commitment", "按期投入");
    }

    long count(String sql, Object... args) {
        return Db.count(db, sql, args);
    }

    long id(String id) {
        return Long.parseLong(id);
    }

    /** One run of the plugin's job in the community, as the scheduler runs it. */
    void runJob() {
        scope.run(COMMUNITY, () -> jobs.runIn(OffsetDateTime.now()));
    }

    /** Two runs of the job at the same moment, as two replicas would. */
    void runJobTwiceAtOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    runJob();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(2, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    // --- 1. The wish list --------------------------------------------------------------------------------------

    @Test
    void wishesAreSubmittedSupportedAndAnsweredAndSeenOnlyByThoseWhoMay() {
        String tag = tag();
        Home resident = home("resident");
        String building = resident.buildingId();
        assertThat(home("property-staff").buildingId()).as("property-staff lives in the resident's building")
                .isEqualTo(building);
        String elsewhere = home("volunteer").buildingId();
        assertThat(elsewhere).isNotEqualTo(building);

        // a resident submits for their building; the same wish in other words finds it, an unrelated one does not
        // (no test tag in these texts: a shared random word would make any two of them alike)
        JsonPath first = ok(submit("resident", wishInput("小区停车难，希望增加车位", "小区停车难，希望增加车位",
                "BUILDING", building)));
        String parking = first.getString("data.submitWish.wish.id");
        assertThat(first.getString("data.submitWish.wish.state")).isEqualTo("SUBMITTED");
        assertThat(first.getString("data.submitWish.wish.scopeName")).endsWith("5栋");
        assertThat(first.getBoolean("data.submitWish.wish.mine")).isTrue();
        assertThat(first.getBoolean("data.submitWish.wish.isPublic")).isTrue();
        JsonPath second = ok(submit("property-staff", wishInput("希望小区增加停车位", "希望小区增加停车位",
                "BUILDING", building)));
        String alike = second.getString("data.submitWish.wish.id");
        assertThat(second.getList("data.submitWish.similar.id")).contains(parking);
        assertThat(second.getBoolean("data.submitWish.wish.mine")).isTrue();
        JsonPath third = ok(submit("resident", wishInput("楼道垃圾无人清理", "楼道垃圾无人清理", "COMMUNITY", null)));
        String unrelated = third.getString("data.submitWish.wish.id");
        assertThat(third.getList("data.submitWish.similar.id")).doesNotContain(parking, alike);
        List<String> similar = ok(Api.as("team-leader").gql(SIMILAR, vars("t", "希望小区增加停车位")))
                .getList("data.similarWishes.id");
        assertThat(similar).containsSubsequence(alike, parking).doesNotContain(unrelated);

        // a resident submits only for where they live
        String away = "外楼栋的愿望 " + tag;
        JsonPath notMine = submit("resident", wishInput(away, "别的楼栋", "BUILDING", elsewhere));
        assertThat(codes(notMine)).containsExactly("FORBIDDEN");
        assertThat(reason(notMine)).isEqualTo("NOT_IN_SCOPE");
        assertThat(count("select count(*) from fl_wishes where title = ?", away)).isZero();

        // supported once, by residents of the scope
        JsonPath outsider = Api.as("volunteer").gql(SUPPORT, vars("id", parking));
        assertThat(codes(outsider)).containsExactly("FORBIDDEN");
        assertThat(reason(outsider)).isEqualTo("NOT_IN_SCOPE");
        assertThat(count("select count(*) from fl_wish_supports where wish_id = ?", id(parking))).isZero();
        assertThat(ok(Api.as("property-staff").gql(SUPPORT, vars("id", parking))).getInt("data.supportWish.supports"))
                .isEqualTo(1);
        JsonPath again = Api.as("property-staff").gql(SUPPORT, vars("id", parking));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(reason(again)).isEqualTo("ALREADY_SUPPORTED");
        assertThat(count("select count(*) from fl_wish_supports where wish_id = ?", id(parking))).isEqualTo(1);
        assertThat(count("select supports from fl_wishes where id = ?", id(parking))).isEqualTo(1);

        // answered by the staff only; a decline gives its reason
        assertThat(codes(answer("resident", parking, "ACCEPT", null, null))).containsExactly("FORBIDDEN");
        JsonPath bare = answer("community-admin", unrelated, "DECLINE", " ", null);
        assertThat(codes(bare)).containsExactly("VALIDATION_FAILED");
        assertThat(count("select count(*) from fl_wishes where id in (?, ?) and state = 'SUBMITTED' and answer is null",
                id(parking), id(unrelated))).isEqualTo(2);
        JsonPath merged = ok(answer("committee-member", alike, "MERGE", "与已有愿望合并", parking));
        assertThat(merged.getString("data.answerWish.state")).isEqualTo("MERGED");
        assertThat(merged.getString("data.answerWish.mergedIntoId")).isEqualTo(parking);
        assertThat(merged.getString("data.answerWish.closedAt")).isNotNull();
        JsonPath closed = Api.as("property-staff").gql(SUPPORT, vars("id", alike));
        assertThat(reason(closed)).isEqualTo("NOT_OPEN");
        JsonPath accepted = ok(answer("community-admin", parking, "ACCEPT", "采纳，提交三方联席会议。", null));
        assertThat(accepted.getString("data.answerWish.state")).isEqualTo("ACCEPTED");
        assertThat(accepted.getString("data.answerWish.answeredAt")).isNotNull();
        assertThat(reason(answer("community-admin", parking, "DECLINE", "再答一次", null))).isEqualTo("NOT_OPEN");
        assertThat(ok(answer("community-admin", unrelated, "DECLINE", "已转物业日常保洁", null))
                .getString("data.answerWish.state")).isEqualTo("DECLINED");

        // the history: its author and the staff, not other members
        JsonPath byAuthor = ok(Api.as("resident").gql(WISH, vars("id", parking)));
        assertThat(byAuthor.getList("data.wish.history.state")).containsSubsequence("SUBMITTED", "ACCEPTED");
        assertThat(byAuthor.getList("data.wish.history.note")).anyMatch(n -> String.valueOf(n).contains(alike));
        assertThat(ok(Api.as("committee-member").gql(WISH, vars("id", parking))).getList("data.wish.history"))
                .isNotEmpty();
        assertThat(ok(Api.as("grid-worker").gql(WISH, vars("id", parking))).getList("data.wish.history")).isNotEmpty();
        JsonPath byOther = ok(Api.as("volunteer").gql(WISH, vars("id", parking)));
        assertThat(byOther.getString("data.wish.id")).isEqualTo(parking);
        assertThat(byOther.getBoolean("data.wish.mine")).isFalse();
        assertThat(byOther.getString("data.wish.history")).isNull();

        // a private wish: its author and the staff see it, even among similar ones; other members do not
        String secret = "希望小区增加停车位 " + tag + " 私";
        Map<String, Object> hidden = wishInput(secret, "希望小区增加停车位", "COMMUNITY", null);
        hidden.put("isPublic", false);
        hidden.put("photoUrls", List.of("https://img.example.cn/parking.jpg"));
        String privateWish = ok(submit("resident", hidden)).getString("data.submitWish.wish.id");
        assertThat(codes(Api.as("volunteer").gql(WISH, vars("id", privateWish)))).containsExactly("NOT_FOUND");
        assertThat(ok(Api.as("volunteer").gql(SIMILAR, vars("t", secret))).getList("data.similarWishes.id"))
                .doesNotContain(privateWish).contains(parking);
        assertThat(ok(Api.as("committee-member").gql(WISH, vars("id", privateWish))).getBoolean("data.wish.isPublic"))
                .isFalse();
        assertThat(ok(Api.as("committee-member").gql(SIMILAR, vars("t", secret))).getList("data.similarWishes.id"))
                .contains(privateWish);
        assertThat(ok(Api.as("resident").gql(WISH, vars("id", privateWish))).getBoolean("data.wish.mine")).isTrue();

        // photos are http(s) URLs, and a list of them holds no null
        Map<String, Object> nullPhoto = wishInput("空照片 " + tag, "照片为空", "COMMUNITY", null);
        nullPhoto.put("photoUrls", Arrays.asList((String) null));
        assertThat(codes(submit("resident", nullPhoto))).containsExactly("VALIDATION_FAILED");
        Map<String, Object> notUrl = wishInput("坏照片 " + tag, "照片不是网址", "COMMUNITY", null);
        notUrl.put("photoUrls", List.of("javascript:alert(1)"));
        assertThat(codes(submit("resident", notUrl))).containsExactly("VALIDATION_FAILED");
        assertThat(count("select count(*) from fl_wishes where title in (?, ?)", "空照片 " + tag, "坏照片 " + tag))
                .isZero();
    }

    // --- 2. Deliberation meetings ------------------------------------------------------------------------------

    @Test
    void meetingsAreConvenedByTheRightPeopleAndInviteesRegisterAttendAndAreCounted() {
        String tag = tag();
        Home leader = home("building-leader");
        Home admin = home("community-admin");
        String otherBuilding = home("party-member").buildingId();
        assertThat(admin.buildingId()).as("community-admin lives in the building leader's building")
                .isEqualTo(leader.buildingId());
        assertThat(otherBuilding).isNotEqualTo(leader.buildingId());

        // a building leader convenes their own building's meeting, not another's
        String title = "楼栋议事会 " + tag;
        Map<String, Object> input = meetingInput("BUILDING", title, leader.buildingId(), at(3, 19), at(3, 21));
        input.put("invitees", List.of(vars("buildingId", leader.buildingId())));
        JsonPath own = ok(schedule("building-leader", input));
        String meeting = own.getString("data.scheduleDeliberationMeeting.id");
        assertThat(own.getString("data.scheduleDeliberationMeeting.state")).isEqualTo("PLANNED");
        assertThat(own.getString("data.scheduleDeliberationMeeting.venueName")).isEqualTo("6栋架空层");
        assertThat(own.getString("data.scheduleDeliberationMeeting.invitees[0].name")).endsWith("1栋");
        String foreign = "外楼栋议事会 " + tag;
        assertThat(codes(schedule("building-leader", meetingInput("BUILDING", foreign, otherBuilding, at(3, 19),
                at(3, 21))))).containsExactly("FORBIDDEN");
        assertThat(codes(schedule("resident", meetingInput("BUILDING", foreign, home("resident").buildingId(),
                at(3, 19), at(3, 21))))).containsExactly("FORBIDDEN");
        assertThat(codes(schedule("owners-committee", meetingInput("TRIPARTITE", foreign, null, at(3, 19),
                at(3, 21))))).containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_meetings where title = ?", foreign)).isZero();
        assertThat(ok(schedule("owners-committee", meetingInput("OWNERS", "业主大会筹备会 " + tag, null, at(3, 14),
                at(3, 16)))).getString("data.scheduleDeliberationMeeting.kind")).isEqualTo("OWNERS");

        // the invited register, others may not
        JsonPath uninvited = Api.as("resident").gql(REGISTER, vars("m", meeting));
        assertThat(codes(uninvited)).containsExactly("FORBIDDEN");
        assertThat(reason(uninvited)).isEqualTo("NOT_INVITED");
        assertThat(ok(Api.as("building-leader").gql(REGISTER, vars("m", meeting)))
                .getString("data.registerForDeliberationMeeting.state")).isEqualTo("CONFIRMED");
        assertThat(ok(Api.as("community-admin").gql(REGISTER, vars("m", meeting)))
                .getString("data.registerForDeliberationMeeting.state")).isEqualTo("CONFIRMED");
        assertThat(count("select count(*) from sign_ups s join fl_meetings m on m.sign_up_list_id = s.list_id "
                + "where m.id = ?", id(meeting))).isEqualTo(2);
        assertThat(reason(Api.as("building-leader").gql(ATTENDANCE, vars("m", meeting,
                "p", List.of(leader.personId()))))).isEqualTo("NOT_STARTED");

        // a room is booked with the meeting; the same slot is refused and nothing is written; cancelling frees it
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 365}");
        Map<String, Object> inRoom = meetingInput("TRIPARTITE", "三方联席会议 " + tag, null, at(5, 10), at(5, 12));
        inRoom.put("roomId", room);
        JsonPath booked = ok(schedule("community-admin", inRoom));
        String roomMeeting = booked.getString("data.scheduleDeliberationMeeting.id");
        String booking = booked.getString("data.scheduleDeliberationMeeting.roomBookingId");
        assertThat(booking).isNotNull();
        assertThat(booked.getString("data.scheduleDeliberationMeeting.roomId")).isEqualTo(room);
        assertThat(booked.getString("data.scheduleDeliberationMeeting.venueName")).startsWith("测试室-");
        assertThat(count("select count(*) from booking_bookings where id = ? and room_id = ? and state = 'APPROVED'",
                id(booking), id(room))).isEqualTo(1);
        String clash = "撞车的会议 " + tag;
        Map<String, Object> clashing = meetingInput("RESIDENTS_FORUM", clash, null, at(5, 11), at(5, 13));
        clashing.put("roomId", room);
        JsonPath taken = schedule("community-admin", clashing);
        assertThat(codes(taken)).containsExactly("CONFLICT");
        assertThat(reason(taken)).isEqualTo("ROOM_TAKEN");
        assertThat(count("select count(*) from fl_meetings where title = ?", clash)).isZero();
        assertThat(count("select count(*) from booking_bookings where room_id = ?", id(room))).isEqualTo(1);
        assertThat(codes(Api.as("resident").gql(CANCEL, vars("id", roomMeeting)))).containsExactly("FORBIDDEN");
        JsonPath cancelled = ok(Api.as("community-admin").gql(CANCEL, vars("id", roomMeeting)));
        assertThat(cancelled.getString("data.cancelDeliberationMeeting.state")).isEqualTo("CANCELLED");
        assertThat(cancelled.getString("data.cancelDeliberationMeeting.cancelReason")).isEqualTo("改期");
        assertThat(count("select count(*) from booking_bookings where id = ? and state = 'CANCELLED'", id(booking)))
                .isEqualTo(1);
        assertThat(ok(schedule("community-admin", clashing))
                .getString("data.scheduleDeliberationMeeting.roomBookingId")).isNotNull();

        // held: attendance of the registered only, resolutions with all vote counts or none, then the minutes
        Db.update(db, "update fl_meetings set starts_at = now() - interval '2 hours', ends_at = now() - interval "
                + "'1 hour' where id = ?", id(meeting));
        assertThat(reason(Api.as("owners-committee").gql(REGISTER, vars("m", meeting)))).isEqualTo("STARTED");
        assertThat(reason(Api.as("building-leader").gql(CANCEL, vars("id", meeting)))).isEqualTo("STARTED");
        assertThat(codes(Api.as("resident").gql(ATTENDANCE, vars("m", meeting, "p", List.of(leader.personId())))))
                .containsExactly("FORBIDDEN");
        JsonPath unregistered = Api.as("building-leader").gql(ATTENDANCE, vars("m", meeting,
                "p", List.of(leader.personId(), home("resident").personId())));
        assertThat(codes(unregistered)).containsExactly("VALIDATION_FAILED");
        assertThat(count("select count(*) from sign_ups s join fl_meetings m on m.sign_up_list_id = s.list_id "
                + "where m.id = ? and s.checked_in_at is not null", id(meeting))).isZero();
        Map<String, Object> present = vars("m", meeting, "p", List.of(leader.personId()));
        int marked = ok(Api.as("building-leader").gql(ATTENDANCE, present)).getInt("data.recordDeliberationAttendance");
        int markedAgain = ok(Api.as("building-leader").gql(ATTENDANCE, present))
                .getInt("data.recordDeliberationAttendance");
        assertThat(marked).isEqualTo(1);
        JsonPath partial = Api.as("building-leader").gql(RESOLVE, vars("m", meeting, "i",
                vars("text", "楼道照明由物业负责", "votesFor", 5)));
        assertThat(codes(partial)).containsExactly("VALIDATION_FAILED");
        assertThat(count("select count(*) from fl_resolutions where meeting_id = ?", id(meeting))).isZero();
        JsonPath voted = ok(Api.as("building-leader").gql(RESOLVE, vars("m", meeting, "i",
                vars("text", "楼道照明由物业负责", "votesFor", 5, "votesAgainst", 1, "abstentions", 0))));
        assertThat(voted.getBoolean("data.recordDeliberationResolution.adopted")).isTrue();
        JsonPath closedMeeting = ok(Api.as("building-leader").gql(CLOSE, vars("id", meeting)));
        assertThat(closedMeeting.getString("data.closeDeliberationMeeting.state")).isEqualTo("CLOSED");
        assertThat(closedMeeting.getInt("data.closeDeliberationMeeting.walkIns")).isEqualTo(3);
        assertThat(closedMeeting.getList("data.closeDeliberationMeeting.resolutions.text"))
                .containsExactly("楼道照明由物业负责");
        // the one marked present is counted and stays confirmed; the other registered person did not come
        assertThat(count("select count(*) from sign_ups s join fl_meetings m on m.sign_up_list_id = s.list_id "
                + "where m.id = ? and s.checked_in_at is not null", id(meeting))).as("check-ins written").isEqualTo(1);
        assertThat(closedMeeting.getInt("data.closeDeliberationMeeting.attended")).isEqualTo(1);
        assertThat(markedAgain).as("a person already marked present is not counted again").isZero();
        JsonPath came = ok(Api.as("building-leader").gql(MY_REGISTRATION, vars("id", meeting)));
        assertThat(came.getString("data.deliberationMeeting.myRegistration.state")).isEqualTo("CONFIRMED");
        assertThat(came.getString("data.deliberationMeeting.myRegistration.checkedInAt")).isNotNull();
        assertThat(ok(Api.as("community-admin").gql(MY_REGISTRATION, vars("id", meeting)))
                .getString("data.deliberationMeeting.myRegistration.state")).isEqualTo("NO_SHOW");
        assertThat(reason(Api.as("building-leader").gql(ATTENDANCE, vars("m", meeting,
                "p", List.of(admin.personId()))))).isEqualTo("MEETING_CLOSED");
    }

    // --- 3. The task list and escalation -----------------------------------------------------------------------

    @Test
    void acceptedWishesAreSplitAtTripartiteMeetingsAndOverdueTasksAreEscalatedOnce() throws Exception {
        String tag = tag();
        String wish = wishOfMyBuilding("resident", "楼道堆放杂物 " + tag);
        String tripartite = meeting("TRIPARTITE", "三方联席会议 " + tag, 7);
        String forum = meeting("RESIDENTS_FORUM", "居民议事会 " + tag, 7);
        LocalDate due = LocalDate.now(ZONE).plusDays(7);
        String property = "物业-" + tag;
        String community = "居委会-" + tag;
        String owners = "业委会-" + tag;
        List<Map<String, Object>> tasks = List.of(task("清理楼道杂物", "PROPERTY", property, due),
                task("张贴消防提示", "COMMUNITY", community, due), task("业主公约宣传", "OWNERS_COMMITTEE", owners, due));
        Api admin = Api.as("community-admin");

        // only accepted wishes, only at a tripartite meeting, only by the staff
        JsonPath unanswered = admin.gql(SPLIT, vars("w", wish, "m", tripartite, "t", tasks));
        assertThat(codes(unanswered)).containsExactly("CONFLICT");
        assertThat(reason(unanswered)).isEqualTo("NOT_ACCEPTED");
        ok(answer("community-admin", wish, "ACCEPT", "采纳", null));
        JsonPath notTripartite = admin.gql(SPLIT, vars("w", wish, "m", forum, "t", tasks));
        assertThat(codes(notTripartite)).containsExactly("CONFLICT");
        assertThat(reason(notTripartite)).isEqualTo("NOT_TRIPARTITE");
        assertThat(codes(Api.as("resident").gql(SPLIT, vars("w", wish, "m", tripartite, "t", tasks))))
                .containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_tasks where wish_id = ?", id(wish))).isZero();
        JsonPath split = ok(admin.gql(SPLIT, vars("w", wish, "m", tripartite, "t", tasks)));
        assertThat(split.getList("data.splitWishIntoTasks.party")).containsExactly("PROPERTY", "COMMUNITY",
                "OWNERS_COMMITTEE");
        assertThat(split.getList("data.splitWishIntoTasks.state")).containsOnly("OPEN");
        String propertyTask = split.getString("data.splitWishIntoTasks[0].id");
        String communityTask = split.getString("data.splitWishIntoTasks[1].id");
        String ownersTask = split.getString("data.splitWishIntoTasks[2].id");
        assertThat(ok(Api.as("resident").gql(WISH, vars("id", wish))).getString("data.wish.state"))
                .isEqualTo("IN_PROGRESS");

        // the party's role reports progress; other roles may not
        long steps = count("select count(*) from fl_timeline where subject_kind = 'TASK' and subject_id = ?",
                id(propertyTask));
        assertThat(codes(Api.as("partner-staff").gql(UPDATE_TASK, vars("id", propertyTask, "s", "IN_PROGRESS"))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("resident").gql(UPDATE_TASK, vars("id", propertyTask, "s", "DONE"))))
                .containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_tasks where id = ? and state = 'OPEN' and progress = 0",
                id(propertyTask))).isEqualTo(1);
        assertThat(count("select count(*) from fl_timeline where subject_kind = 'TASK' and subject_id = ?",
                id(propertyTask))).isEqualTo(steps);
        JsonPath progressed = ok(Api.as("property-staff").gql(UPDATE_TASK, vars("id", propertyTask, "s", "IN_PROGRESS",
                "p", 30)));
        assertThat(progressed.getString("data.updateWishTask.state")).isEqualTo("IN_PROGRESS");
        assertThat(progressed.getInt("data.updateWishTask.progress")).isEqualTo(30);
        assertThat(codes(Api.as("property-staff").gql(UPDATE_TASK, vars("id", propertyTask, "s", "OPEN"))))
                .containsExactly("VALIDATION_FAILED");

        // five days overdue: the job marks it and raises one level-3 incident summoning its unit, however often it runs
        LocalDate today = LocalDate.now(ZONE);
        Db.update(db, "update fl_tasks set due_on = ? where id = ?", today.minusDays(5), id(propertyTask));
        runJob();
        long incident = count("select incident_id from fl_tasks where id = ?", id(propertyTask));
        assertThat(count("select count(*) from fl_tasks where id = ? and overdue_since is not null and incident_id "
                + "is not null", id(propertyTask))).isEqualTo(1);
        assertThat(count("select level from grid_incidents where id = ?", incident)).isEqualTo(3);
        assertThat(count("select count(*) from grid_summons where incident_id = ? and department = ?", incident,
                property)).isEqualTo(1);
        runJob();
        // another task goes overdue and two replicas run the job at the same moment
        Db.update(db, "update fl_tasks set due_on = ? where id = ?", today.minusDays(5), id(communityTask));
        runJobTwiceAtOnce();
        runJob();
        assertThat(count("select incident_id from fl_tasks where id = ?", id(propertyTask))).isEqualTo(incident);
        for (String unit : List.of(property, community)) {
            assertThat(count("select count(*) from grid_summons where department = ?", unit)).as(unit).isEqualTo(1);
        }
        assertThat(count("select count(*) from grid_incidents i join grid_summons s on s.incident_id = i.id join "
                + "fl_tasks t on t.incident_id = i.id where t.id = ? and i.level = 3 and s.department = ?",
                id(communityTask), community)).isEqualTo(1);
        JsonPath listed = ok(Api.as("resident").gql(TASKS, vars("w", wish)));
        assertThat(listed.getString("data.wishTasks.edges.find { it.node.id == '" + propertyTask
                + "' }.node.overdueSince")).isNotNull();
        assertThat(listed.getString("data.wishTasks.edges.find { it.node.id == '" + propertyTask
                + "' }.node.incidentId")).isEqualTo(String.valueOf(incident));

        // staff escalate an overdue task at once, once
        assertThat(reason(admin.gql(ESCALATE, vars("id", ownersTask)))).isEqualTo("NOT_OVERDUE");
        Db.update(db, "update fl_tasks set due_on = ? where id = ?", today.minusDays(1), id(ownersTask));
        assertThat(codes(Api.as("resident").gql(ESCALATE, vars("id", ownersTask)))).containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_tasks where id = ? and incident_id is null", id(ownersTask)))
                .isEqualTo(1);
        JsonPath escalated = ok(admin.gql(ESCALATE, vars("id", ownersTask)));
        assertThat(escalated.getString("data.escalateWishTask.incidentId")).isNotNull();
        assertThat(escalated.getString("data.escalateWishTask.overdueSince")).isNotNull();
        JsonPath twice = admin.gql(ESCALATE, vars("id", ownersTask));
        assertThat(codes(twice)).containsExactly("CONFLICT");
        assertThat(reason(twice)).isEqualTo("ESCALATED");
        assertThat(count("select count(*) from grid_summons where department = ?", owners)).isEqualTo(1);
        assertThat(count("select level from grid_incidents where id = ?",
                id(escalated.getString("data.escalateWishTask.incidentId")))).isEqualTo(3);

        // a party does not cancel its task; the staff (admins and committee members) cancel a task of any party
        assertThat(codes(Api.as("property-staff").gql(UPDATE_TASK, vars("id", propertyTask, "s", "CANCELLED"))))
                .containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_tasks where id = ? and state = 'IN_PROGRESS'", id(propertyTask)))
                .isEqualTo(1);
        assertThat(ok(Api.as("committee-member").gql(UPDATE_TASK, vars("id", ownersTask, "s", "CANCELLED")))
                .getString("data.updateWishTask.state")).isEqualTo("CANCELLED");
    }

    // --- 4. The project claim list and the evaluation list -----------------------------------------------------

    @Test
    void projectsAreClaimedInPartsAndDoneWishesAreRatedByTheResidentsOfTheirScope() {
        String tag = tag();
        String wish = wishOfMyBuilding("resident", "儿童游乐设施老化 " + tag);
        ok(answer("committee-member", wish, "ACCEPT", "采纳，作为微实事", null));
        String meeting = meeting("TRIPARTITE", "三方联席会议 " + tag, 9);
        String task = ok(Api.as("community-admin").gql(SPLIT, vars("w", wish, "m", meeting, "t",
                List.of(task("拆除旧设施", "PROPERTY", "物业-" + tag, LocalDate.now(ZONE).plusDays(10))))))
                .getString("data.splitWishIntoTasks[0].id");

        // proposed at the meeting by those who run it, with two needs
        String title = "游乐设施更新 " + tag;
        Map<String, Object> proposal = vars("meetingId", meeting, "wishId", wish, "title", title, "needs",
                List.of(vars("kind", "MONEY", "description", "设备", "quantity", 1000), vars("kind", "LABOUR",
                        "quantity", 10)));
        assertThat(codes(Api.as("resident").gql(PROPOSE, vars("i", proposal)))).containsExactly("FORBIDDEN");
        assertThat(count("select count(*) from fl_projects where title = ?", title)).isZero();
        JsonPath proposed = ok(Api.as("community-admin").gql(PROPOSE, vars("i", proposal)));
        String project = proposed.getString("data.proposeMicroProject.id");
        assertThat(proposed.getString("data.proposeMicroProject.state")).isEqualTo("PROPOSED");
        assertThat(proposed.getList("data.proposeMicroProject.needs.quantity", Integer.class))
                .containsExactly(1000, 10);

        // claimed by each party's role, never beyond what is left; it starts once every need is covered
        assertThat(codes(Api.as("resident").gql(CLAIM, vars("p", project, "i", claim(0, "PROPERTY", 100)))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("property-staff").gql(CLAIM, vars("p", project, "i", claim(0, "PARTNER", 100)))))
                .containsExactly("FORBIDDEN");
        ok(Api.as("property-staff").gql(CLAIM, vars("p", project, "i", claim(0, "PROPERTY", 600))));
        JsonPath over = Api.as("partner-staff").gql(CLAIM, vars("p", project, "i", claim(0, "PARTNER", 500)));
        assertThat(codes(over)).containsExactly("CONFLICT");
        assertThat(reason(over)).isEqualTo("OVER_CLAIMED");
        assertThat(count("select count(*) from fl_claims where project_id = ?", id(project))).isEqualTo(1);
        assertThat(codes(Api.as("partner-staff").gql(CLAIM, vars("p", project, "i", claim(2, "PARTNER", 1)))))
                .containsExactly("VALIDATION_FAILED");
        ok(Api.as("partner-staff").gql(CLAIM, vars("p", project, "i", claim(0, "PARTNER", 400))));
        assertThat(ok(Api.as("resident").gql(PROJECT, vars("id", project))).getString("data.microProject.state"))
                .isEqualTo("PROPOSED");
        ok(Api.as("committee-member").gql(CLAIM, vars("p", project, "i", claim(1, "COMMUNITY", 10))));
        JsonPath started = ok(Api.as("resident").gql(PROJECT, vars("id", project)));
        assertThat(started.getString("data.microProject.state")).isEqualTo("STARTED");
        assertThat(started.getString("data.microProject.startedAt")).isNotNull();
        assertThat(started.getList("data.microProject.coverage.claimed", Integer.class)).containsExactly(1000, 10);
        JsonPath late = Api.as("owners-committee").gql(CLAIM, vars("p", project, "i", claim(1, "OWNERS_COMMITTEE", 1)));
        assertThat(reason(late)).isEqualTo("NOT_CLAIMABLE");
        assertThat(count("select count(*) from fl_claims where project_id = ?", id(project))).isEqualTo(3);

        // nothing to rate until every task and project of the wish is finished
        assertThat(reason(Api.as("resident").gql(EVALUATE, vars("id", wish, "r", 5)))).isEqualTo("NOT_EVALUATING");
        assertThat(codes(Api.as("resident").gql(COMPLETE, vars("id", project)))).containsExactly("FORBIDDEN");
        assertThat(ok(Api.as("community-admin").gql(COMPLETE, vars("id", project)))
                .getString("data.completeMicroProject.state")).isEqualTo("COMPLETED");
        assertThat(ok(Api.as("resident").gql(WISH, vars("id", wish))).getString("data.wish.state"))
                .isEqualTo("IN_PROGRESS");
        ok(Api.as("property-staff").gql(UPDATE_TASK, vars("id", task, "s", "DONE")));
        JsonPath evaluating = ok(Api.as("resident").gql(WISH, vars("id", wish)));
        assertThat(evaluating.getString("data.wish.state")).isEqualTo("EVALUATING");
        assertThat(evaluating.getString("data.wish.evaluationClosesAt")).isNotNull();

        // residents of the scope rate it once; the average is published only when the window closes
        assertThat(ok(Api.as("resident").gql(EVALUATE, vars("id", wish, "r", 5))).getInt("data.evaluateWish.rating"))
                .isEqualTo(5);
        JsonPath outsider = Api.as("volunteer").gql(EVALUATE, vars("id", wish, "r", 1));
        assertThat(codes(outsider)).containsExactly("FORBIDDEN");
        assertThat(reason(outsider)).isEqualTo("NOT_IN_SCOPE");
        JsonPath again = Api.as("resident").gql(EVALUATE, vars("id", wish, "r", 1));
        assertThat(codes(again)).containsExactly("CONFLICT");
        assertThat(reason(again)).isEqualTo("ALREADY_EVALUATED");
        assertThat(codes(Api.as("property-staff").gql(EVALUATE, vars("id", wish, "r", 6))))
                .containsExactly("VALIDATION_FAILED");
        ok(Api.as("property-staff").gql(EVALUATE, vars("id", wish, "r", 4)));
        assertThat(count("select count(*) from fl_evaluations where wish_id = ?", id(wish))).isEqualTo(2);
        JsonPath rated = ok(Api.as("resident").gql(WISH, vars("id", wish)));
        assertThat(rated.getInt("data.wish.ratings")).isEqualTo(2);
        assertThat(rated.getString("data.wish.ratingAverage")).isNull();

        // the window closes: the job publishes the verdict and the average; no more ratings
        Db.update(db, "update fl_wishes set evaluation_closes_at = now() - interval '1 minute' where id = ?", id(wish));
        runJob();
        JsonPath result = ok(Api.as("volunteer").gql(WISH, vars("id", wish)));
        assertThat(result.getString("data.wish.state")).isEqualTo("ACHIEVED");
        assertThat(new BigDecimal(result.getString("data.wish.ratingAverage"))).isEqualByComparingTo("4.5");
        assertThat(result.getString("data.wish.closedAt")).isNotNull();
        JsonPath closed = Api.as("resident").gql(EVALUATE, vars("id", wish, "r", 3));
        assertThat(codes(closed)).containsExactly("CONFLICT");
        assertThat(reason(closed)).isEqualTo("NOT_EVALUATING");
        assertThat(count("select count(*) from fl_evaluations where wish_id = ?", id(wish))).isEqualTo(2);
    }

    // --- 5. Off where the community has not turned it on -------------------------------------------------------

    @Test
    void aCommunityWithoutThePluginRefusesItAndWritesNothing() {
        Api second = Api.as("second-resident").in("demo-second");
        assertThat(codes(second.gql(SIMILAR, vars("t", "停车")))).containsExactly("MODULE_DISABLED");
        String title = "第二社区的愿望 " + tag();
        assertThat(codes(second.gql(SUBMIT, vars("i", wishInput(title, "内容", "COMMUNITY", null)))))
                .containsExactly("MODULE_DISABLED");
        assertThat(count("select count(*) from fl_wishes where title = ?", title)).isZero();
    }
}
