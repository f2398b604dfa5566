package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.CulturalEventTest.Created;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The last places of an event are never given past its capacity, and nobody holds two registrations, however many
 * ask at once: 50 parallel registrations (ten residents, five requests each) for three places, twenty rounds, with
 * and without a waiting list.
 */
@QuarkusTest
class CulturalEventConcurrencyTest {

    static final int PLACES = 3;
    static final int ROUNDS = 20;
    static final List<String> PEOPLE = List.of("resident", "volunteer", "party-member", "building-leader",
            "owners-committee", "team-leader", "committee-member", "grid-worker", "property-staff", "community-admin");
    static final int REQUESTS_EACH = 5;

    @Inject
    AgroalDataSource db;

    @Test
    void fiftyParallelRegistrationsNeverExceedTheCapacity() throws Exception {
        Map<String, String> tokens = new HashMap<>();
        PEOPLE.forEach(user -> tokens.put(user, Api.token(user)));
        ExecutorService pool = Executors.newFixedThreadPool(PEOPLE.size() * REQUESTS_EACH);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                boolean waitingList = round % 2 == 1;
                Created event = CulturalEventTest.published(PLACES, 1, waitingList);
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonPath>> answers = new ArrayList<>();
                for (String user : PEOPLE) {
                    for (int i = 0; i < REQUESTS_EACH; i++) {
                        answers.add(pool.submit(() -> {
                            go.await();
                            return given().contentType(ContentType.JSON)
                                    .header("Authorization", "Bearer " + tokens.get(user))
                                    .body(Map.of("query", CulturalEventTest.REGISTER, "variables", Map.of("s",
                                            event.sub(), "t", event.tickets().get(0), "p", 1)))
                                    .post("/graphql").then().statusCode(200).extract().jsonPath();
                        }));
                    }
                }
                go.countDown();
                int confirmed = 0;
                int waiting = 0;
                int full = 0;
                int twice = 0;
                List<String> other = new ArrayList<>();
                for (Future<JsonPath> answer : answers) {
                    JsonPath response = answer.get();
                    String state = response.getString("data.registerForCulturalEvent.state");
                    String reason = response.getString("errors[0].extensions.reason");
                    if ("CONFIRMED".equals(state)) {
                        confirmed++;
                    } else if ("WAITING".equals(state)) {
                        waiting++;
                    } else if ("FULL".equals(reason)) {
                        full++;
                    } else if ("ALREADY_REGISTERED".equals(reason)) {
                        twice++;
                    } else {
                        other.add(response.prettify());
                    }
                }
                String at = "round " + round + (waitingList ? " (waiting list)" : "");
                assertThat(other).as(at + ": answers other than a place, FULL or ALREADY_REGISTERED").isEmpty();
                assertThat(confirmed).as(at).isEqualTo(PLACES);
                assertThat(waiting).as(at).isEqualTo(waitingList ? PEOPLE.size() - PLACES : 0);
                assertThat(full).as(at).isEqualTo(waitingList ? 0 : PEOPLE.size() * REQUESTS_EACH - PLACES - twice);
                long list = Db.count(db, "select list_id from event_ticket_kinds where id = ?",
                        Long.parseLong(event.tickets().get(0)));
                assertThat(Db.count(db, "select confirmed from sign_up_lists where id = ?", list)).as(at).isEqualTo(PLACES);
                assertThat(Db.count(db, "select count(*) from sign_ups where list_id = ? and state = 'CONFIRMED'", list))
                        .as(at).isEqualTo(PLACES);
                assertThat(Db.count(db, "select count(*) - count(distinct person_id) from sign_ups where list_id = ?",
                        list)).as(at + ": nobody twice").isZero();
                assertThat(Db.count(db, "select count(*) from event_registrations where sub_event_id = ?",
                        Long.parseLong(event.sub()))).as(at + ": a registration per answer that got one")
                        .isEqualTo(confirmed + waiting);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
