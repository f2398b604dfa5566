package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Volunteers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Service records (as data and as a printable page), reports, team statistics and live shift changes. */
@QuarkusTest
class VolunteerRecordsTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TestHTTPResource("/graphql")
    URI graphql;

    @Inject
    AgroalDataSource db;

    @Test
    void aServiceRecordIsDataAndAPrintablePageBehindAnUnguessableLink() {
        Map<String, String> team = Volunteers.team("SCHOOL_ESCORT");
        Api admin = Api.as("community-admin");
        String person = ok(admin.gql("mutation { createPerson(input: {name: \"陈<小明>\"}) { id } }"))
                .getString("data.createPerson.id");
        ok(admin.gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, personId: $p, role: MEMBER) "
                + "{ id } }", vars("t", team.get("id"), "p", person)));
        LocalDate lastMonth = LocalDate.now(ZONE).minusMonths(1).withDayOfMonth(3);
        String entry = ok(Api.as("team-leader").gql("mutation($t: ID!, $p: ID!, $d: Date!) { backfillVolunteerHours("
                + "input: {teamId: $t, personId: $p, workedOn: $d, minutes: 150, reason: \"护学签到表\"}) { id } }",
                vars("t", team.get("id"), "p", person, "d", lastMonth.toString()))).getString("data.backfillVolunteerHours.id");
        ok(admin.gql("mutation($e: ID!) { decideVolunteerHours(entryId: $e, approve: true) { id } }", vars("e", entry)));

        Map<String, Object> period = vars("p", person, "f", lastMonth.withDayOfMonth(1).toString(),
                "t", LocalDate.now(ZONE).plusDays(1).toString());
        JsonPath data = ok(Api.as("team-leader").gql("query($p: ID, $f: Date!, $t: Date!) { volunteerServiceRecord("
                + "personId: $p, from: $f, to: $t) { name teams months { month backfilledHours } backfilledHours "
                + "printPath } }", period));
        assertThat(data.getString("data.volunteerServiceRecord.name")).isEqualTo("陈<小明>");
        assertThat(data.getList("data.volunteerServiceRecord.teams")).hasSize(1);
        assertThat(data.getDouble("data.volunteerServiceRecord.backfilledHours")).isEqualTo(2.5);
        assertThat(data.getString("data.volunteerServiceRecord.printPath")).isNull();
        assertThat(codes(Api.as("resident").gql("query($p: ID, $f: Date!, $t: Date!) { volunteerServiceRecord("
                + "personId: $p, from: $f, to: $t) { name } }", period))).containsExactly("FORBIDDEN");

        String path = ok(Api.as("team-leader").gql("mutation($p: ID, $f: Date!, $t: Date!) { "
                + "issueVolunteerServiceRecord(personId: $p, from: $f, to: $t) { printPath } }", period))
                .getString("data.issueVolunteerServiceRecord.printPath");
        assertThat(path).matches("/volunteer/records/[A-Za-z0-9_-]{32}");
        String page = given().get(path).then().statusCode(200).contentType("text/html; charset=utf-8").extract()
                .asString();
        assertThat(page).contains("<meta charset=\"utf-8\">", "志愿服务记录证明", "陈&lt;小明&gt;", "@media print", "2.5")
                .doesNotContain("陈<小明>");
        given().get("/volunteer/records/not-a-token").then().statusCode(404);
        given().get(path + "x").then().statusCode(404);
        assertThat(Db.count(db, "select count(*) from audit_log where action = 'volunteer.service-record-issued' and "
                + "target_id = ?", person)).isEqualTo(1);
    }

    @Test
    void reportsAndStatisticsCountWhatHappened() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of());
        Volunteers.join("volunteer", team.get("joinCode"), List.of());
        String resident = Volunteers.personId("resident");
        String volunteer = Volunteers.personId("volunteer");
        OffsetDateTime start = OffsetDateTime.now().plusDays(30).truncatedTo(ChronoUnit.HOURS);
        String shift = Volunteers.shift(activity, start, start.plusHours(2), 4, List.of(), false, false);
        String assign = "mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, personId: $p) { id } }";
        ok(Api.as("team-leader").gql(assign, vars("s", shift, "p", resident)));
        ok(Api.as("team-leader").gql(assign, vars("s", shift, "p", volunteer)));
        LocalDate from = start.atZoneSameInstant(ZONE).toLocalDate();
        Map<String, Object> period = vars("t", team.get("id"), "f", from.toString(), "to", from.plusDays(1).toString());
        JsonPath stats = ok(Api.as("resident").gql("query($t: ID!, $f: Date!, $to: Date!) { volunteerTeamStatistics("
                + "teamId: $t, from: $f, to: $to) { shifts places placesTaken fillRate noShows members } }", period));
        assertThat(stats.getInt("data.volunteerTeamStatistics.shifts")).isEqualTo(1);
        assertThat(stats.getInt("data.volunteerTeamStatistics.places")).isEqualTo(4);
        assertThat(stats.getInt("data.volunteerTeamStatistics.placesTaken")).isEqualTo(2);
        assertThat(stats.getDouble("data.volunteerTeamStatistics.fillRate")).isEqualTo(0.5);
        assertThat(stats.getInt("data.volunteerTeamStatistics.members")).isEqualTo(3);

        String report = "query($t: ID, $f: Date!, $to: Date!) { volunteerHoursReport(teamId: $t, from: $f, to: $to, "
                + "first: 100) { totalCount edges { node { personId name verifiedHours } } } }";
        assertThat(codes(Api.as("resident").gql(report, period))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("team-leader").gql(report, vars("f", "2026-01-01", "to", "2027-01-01"))))
                .containsExactly("FORBIDDEN");
        assertThat(ok(Api.as("team-leader").gql(report, period)).getInt("data.volunteerHoursReport.totalCount")).isZero();
        JsonPath all = ok(Api.as("community-admin").gql(report, vars("f", LocalDate.now(ZONE).minusYears(1).toString(),
                "to", LocalDate.now(ZONE).plusDays(1).toString())));
        assertThat(all.getList("data.volunteerHoursReport.edges.node.personId")).isSortedAccordingTo(
                (a, b) -> Long.compare(Long.parseLong((String) a), Long.parseLong((String) b)));
        assertThat(codes(Api.as("community-admin").gql(report, vars("f", "2026-01-01", "to", "2020-01-01"))))
                .containsExactly("VALIDATION_FAILED");
    }

    @Test
    void membersHearOfTheirTeamsShiftsAndTheirOwnSignUpsOnly() throws Exception {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of());
        BlockingQueue<String> member = subscribe("resident");
        BlockingQueue<String> outsider = subscribe("owners-committee");
        OffsetDateTime start = OffsetDateTime.now().plusDays(31).truncatedTo(ChronoUnit.HOURS);
        String shift = Volunteers.shift(activity, start, start.plusHours(1), 2, List.of(), false, false);
        String heard = next(member);
        assertThat(heard).contains("\"kind\":\"SCHEDULED\"", "\"id\":\"" + shift + "\"");
        ok(Api.as("team-leader").gql("mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, personId: $p) "
                + "{ id } }", vars("s", shift, "p", Volunteers.personId("resident"))));
        assertThat(next(member)).contains("\"kind\":\"SIGN_UP_CHANGED\"");
        ok(Api.as("team-leader").gql("mutation($s: ID!) { cancelVolunteerShift(shiftId: $s) { id } }", vars("s", shift)));
        assertThat(next(member)).contains("\"kind\":\"CANCELLED\"");
        assertThat(outsider.poll(1, TimeUnit.SECONDS)).as("a non-member hears nothing").isNull();
    }

    private BlockingQueue<String> subscribe(String username) throws Exception {
        BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Api.token(username))
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        messages.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"type\":\"connection_init\"}", true).get(10, TimeUnit.SECONDS);
        assertThat(messages.poll(10, TimeUnit.SECONDS)).contains("connection_ack");
        socket.sendText("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { "
                + "volunteerShiftChanges { kind shift { id } } }\"}}", true).get(10, TimeUnit.SECONDS);
        Thread.sleep(500); // the subscription is registered on the server before changes are made
        return messages;
    }

    private static String next(BlockingQueue<String> messages) throws InterruptedException {
        String message = messages.poll(10, TimeUnit.SECONDS);
        assertThat(message).as("a message within 10 s").isNotNull();
        return message;
    }
}
