package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.ok;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Volunteers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The last place of a shift and the last reward are never given twice, however many ask at once. */
@QuarkusTest
class VolunteerConcurrencyTest {

    static final int PARALLEL = 50;
    static final int ROUNDS = 20;

    @Inject
    AgroalDataSource db;

    @Test
    void fiftyParallelRequestsForTheLastPlaceOfAShiftGetExactlyOne() throws Exception {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Api admin = Api.as("community-admin");
        List<String> people = new ArrayList<>();
        for (int i = 0; i < PARALLEL; i++) {
            String person = ok(admin.gql("mutation($n: String!) { createPerson(input: {name: $n}) { id } }",
                    vars("n", "抢位-" + i))).getString("data.createPerson.id");
            ok(admin.gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, personId: $p, role: MEMBER) "
                    + "{ id } }", vars("t", team.get("id"), "p", person)));
            people.add(person);
        }
        String token = Api.token("team-leader");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                OffsetDateTime start = OffsetDateTime.now().plusDays(60 + round).truncatedTo(ChronoUnit.HOURS);
                // two places, one taken already: one remains
                String shift = Volunteers.shift(activity, start, start.plusHours(1), 2, List.of(), false, false);
                ok(Api.as("team-leader").gql("mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, "
                        + "personId: $p) { id } }", vars("s", shift, "p", Volunteers.personId("team-leader"))));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonPath>> answers = new ArrayList<>();
                for (String person : people) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                                .body(Map.of("query", "mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, "
                                        + "personId: $p) { id } }", "variables", Map.of("s", shift, "p", person)))
                                .post("/graphql").then().statusCode(200).extract().jsonPath();
                    }));
                }
                go.countDown();
                int placed = 0;
                int full = 0;
                List<String> other = new ArrayList<>();
                for (Future<JsonPath> answer : answers) {
                    JsonPath response = answer.get();
                    List<String> codes = Api.codes(response);
                    if (codes.isEmpty()) {
                        placed++;
                    } else if (codes.equals(List.of("CONFLICT"))
                            && "FULL".equals(response.getString("errors[0].extensions.reason"))) {
                        full++;
                    } else {
                        other.add(response.prettify());
                    }
                }
                assertThat(other).as("round " + round + ": answers other than a place or FULL").isEmpty();
                assertThat(placed).as("round " + round).isEqualTo(1);
                assertThat(full).as("round " + round).isEqualTo(PARALLEL - 1);
                long shiftId = Long.parseLong(shift);
                assertThat(Db.count(db, "select count(*) from sign_ups u join volunteer_shift_positions p on "
                        + "p.list_id = u.list_id where p.shift_id = ? and u.state = 'CONFIRMED'", shiftId)).isEqualTo(2);
                assertThat(Db.count(db, "select l.confirmed from sign_up_lists l join volunteer_shift_positions p on "
                        + "p.list_id = l.id where p.shift_id = ?", shiftId)).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void parallelRedemptionsNeverTakeStockOrPointsBelowZero() throws Exception {
        Api admin = Api.as("community-admin");
        String scarce = ok(admin.gql("mutation($n: String!) { createVolunteerReward(input: {name: $n, cost: 10, stock: 1}) "
                + "{ id } }", vars("n", "限量-" + UUID.randomUUID()))).getString("data.createVolunteerReward.id");
        String plenty = ok(admin.gql("mutation($n: String!) { createVolunteerReward(input: {name: $n, cost: 100, "
                + "stock: 1000}) { id } }", vars("n", "常备-" + UUID.randomUUID()))).getString("data.createVolunteerReward.id");
        List<String> users = List.of("committee-member", "property-staff");
        for (String user : users) {
            Db.update(db, "insert into volunteer_profiles (id, community_code, person_id, points_balance) values "
                    + "(nextval('linqin_id_seq'), 'changqing-6', ?, 1000) on conflict (community_code, person_id) do "
                    + "update set points_balance = 1000", Long.parseLong(Volunteers.personId(user)));
        }
        // two people, 25 requests each, for a reward of which one is left: one gets it
        Map<String, Long> scarceResults = race(users, scarce);
        assertThat(scarceResults.get("ok")).isEqualTo(1);
        assertThat(scarceResults.get("OUT_OF_STOCK")).isEqualTo(PARALLEL - 1);
        assertThat(Db.count(db, "select stock from volunteer_rewards where id = ?", Long.parseLong(scarce))).isZero();
        // each person has 1,000 points (less 10 for the one who won above): 50 requests at 100 each buy 9 + 10
        Map<String, Long> results = race(users, plenty);
        assertThat(results.get("ok")).isEqualTo(19);
        assertThat(results.get("INSUFFICIENT_POINTS")).isEqualTo(PARALLEL - 19);
        assertThat(Db.count(db, "select stock from volunteer_rewards where id = ?", Long.parseLong(plenty)))
                .isEqualTo(1000 - 19);
        for (String user : users) {
            long person = Long.parseLong(Volunteers.personId(user));
            long balance = Db.count(db, "select points_balance from volunteer_profiles where person_id = ?", person);
            assertThat(balance).isBetween(0L, 99L);
            assertThat(Db.count(db, "select 1000 + coalesce(sum(points), 0) from volunteer_points where person_id = ?",
                    person)).as("ledger agrees with the balance").isEqualTo(balance);
        }
    }

    private Map<String, Long> race(List<String> users, String reward) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<JsonPath>> answers = new ArrayList<>();
            for (int i = 0; i < PARALLEL; i++) {
                String token = Api.token(users.get(i % users.size()));
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                            .body(Map.of("query", "mutation($r: ID!) { redeemVolunteerReward(rewardId: $r) { id } }",
                                    "variables", Map.of("r", reward)))
                            .post("/graphql").then().statusCode(200).extract().jsonPath();
                }));
            }
            go.countDown();
            Map<String, Long> results = new java.util.TreeMap<>();
            for (Future<JsonPath> answer : answers) {
                JsonPath response = answer.get();
                String key = Api.codes(response).isEmpty() ? "ok"
                        : Api.codes(response) + " " + response.getString("errors[0].extensions.reason");
                if (key.startsWith("[CONFLICT] ")) {
                    key = key.substring("[CONFLICT] ".length());
                }
                results.merge(key, 1L, Long::sum);
            }
            assertThat(results.keySet()).as(results.toString()).isSubsetOf("ok", "OUT_OF_STOCK", "INSUFFICIENT_POINTS");
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
