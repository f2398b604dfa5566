package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Rooms;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The most common complaint of booking systems, double bookings under concurrency, cannot happen here. */
@QuarkusTest
class BookingConcurrencyTest {

    static final int PARALLEL = 50;
    static final int ROUNDS = 20;

    @Inject
    AgroalDataSource db;

    @Test
    void fiftyParallelRequestsForOverlappingSlotsMakeExactlyOneBooking() throws Exception {
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 365, bufferMinutes: 15, slotMinutes: 30}");
        String token = Api.token("community-admin");
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            for (int round = 0; round < ROUNDS; round++) {
                LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2 + round);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<JsonPath>> answers = new ArrayList<>();
                for (int i = 0; i < PARALLEL; i++) {
                    // half ask for 10:00-11:00, half for 10:30-11:30: every pair overlaps
                    String from = day + (i % 2 == 0 ? "T10:00:00+08:00" : "T10:30:00+08:00");
                    String to = day + (i % 2 == 0 ? "T11:00:00+08:00" : "T11:30:00+08:00");
                    answers.add(pool.submit(() -> {
                        start.await();
                        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                                .body(Map.of("query", "mutation($r: ID!, $s: DateTime!, $e: DateTime!) { bookRoom("
                                        + "input: {roomId: $r, startsAt: $s, endsAt: $e, purpose: \"抢订\", "
                                        + "attendance: 5}) { id } }", "variables", Map.of("r", room, "s", from, "e", to)))
                                .post("/graphql").then().statusCode(200).extract().jsonPath();
                    }));
                }
                start.countDown();
                int booked = 0;
                int conflicts = 0;
                List<String> other = new ArrayList<>();
                for (Future<JsonPath> answer : answers) {
                    List<String> codes = Api.codes(answer.get());
                    if (codes.isEmpty()) {
                        booked++;
                    } else if (codes.equals(List.of("CONFLICT"))) {
                        conflicts++;
                    } else {
                        other.add(answer.get().prettify());
                    }
                }
                assertThat(other).as("round " + round + ": answers other than a booking or CONFLICT").isEmpty();
                assertThat(booked).as("round " + round).isEqualTo(1);
                assertThat(conflicts).as("round " + round).isEqualTo(PARALLEL - 1);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(Db.count(db, "select count(*) from booking_bookings where room_id = ?", Long.parseLong(room)))
                .isEqualTo(ROUNDS);
    }
}
