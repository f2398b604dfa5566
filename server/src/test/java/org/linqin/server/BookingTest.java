package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.booking.service.NoShowRelease;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Rooms;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class BookingTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String BOOK = "mutation($r: ID!, $s: DateTime!, $e: DateTime!, $n: Int!) { bookRoom(input: "
            + "{roomId: $r, startsAt: $s, endsAt: $e, purpose: \"象棋\", attendance: $n}) { id state } }";

    @Inject
    AgroalDataSource db;

    @Inject
    CommunityScope scope;

    @Inject
    NoShowRelease noShows;

    static String at(LocalDate day, String time) {
        return day + "T" + time + ":00+08:00";
    }

    static LocalDate inDays(int days) {
        return LocalDate.now(ZONE).plusDays(days);
    }

    static Map<String, Object> slot(String room, LocalDate day, String from, String to) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("r", room);
        variables.put("s", at(day, from));
        variables.put("e", at(day, to));
        variables.put("n", 5);
        return variables;
    }

    @Test
    void rulesAreCheckedAndNamed() {
        String room = Rooms.create("{noticeMinutes: 60, aheadDays: 30, weeklyQuotaMinutes: 240, maxMinutes: 240}");
        Api resident = Api.as("party-member");
        LocalDate day = inDays(35);
        JsonPath ahead = resident.gql(BOOK, slot(room, day, "10:00", "11:00"));
        assertThat(codes(ahead)).containsExactly("VALIDATION_FAILED");
        assertThat(ahead.getString("errors[0].extensions.fields[0].message")).startsWith("[ahead]");

        Map<String, Object> crowd = slot(room, inDays(3), "10:00", "11:00");
        crowd.put("n", 31);
        assertThat(ok(resident.gql("{ me { roles } }")).getList("data.me.roles")).contains("resident");
        assertThat(resident.gql(BOOK, crowd).getString("errors[0].extensions.fields[0].message")).startsWith("[capacity]");

        LocalDate monday = inDays(7).with(java.time.DayOfWeek.MONDAY);
        ok(resident.gql(BOOK, slot(room, monday, "08:00", "11:00")));
        JsonPath overQuota = resident.gql(BOOK, slot(room, monday.plusDays(1), "08:00", "10:00"));
        assertThat(overQuota.getString("errors[0].extensions.fields[0].message")).startsWith("[weekly-quota]");
    }

    @Test
    void aTakenSlotIsAConflictNamingTheClash() {
        String room = Rooms.create("{noticeMinutes: 0, bufferMinutes: 30}");
        Api admin = Api.as("community-admin");
        LocalDate day = inDays(4);
        ok(admin.gql(BOOK, slot(room, day, "10:00", "11:00")));
        JsonPath inBuffer = admin.gql(BOOK, slot(room, day, "11:00", "12:00"));
        assertThat(codes(inBuffer)).containsExactly("CONFLICT");
        assertThat(inBuffer.getString("errors[0].message")).contains("clashes with the slot");
        ok(admin.gql(BOOK, slot(room, day, "11:30", "12:30")));
    }

    @Test
    void approvalFlow() {
        String room = Rooms.create("{noticeMinutes: 0, approvalRequired: true}");
        Api resident = Api.as("resident");
        String pending = ok(resident.gql(BOOK, slot(room, inDays(5), "09:00", "10:00"))).getString("data.bookRoom.id");
        assertThat(ok(Api.as("property-staff").gql("{ pendingBookings(first: 100) { edges { node { id state } } } }"))
                .getList("data.pendingBookings.edges.node.id")).contains(pending);
        assertThat(codes(resident.gql("mutation($id: ID!) { approveBooking(id: $id) { state } }", Map.of("id", pending))))
                .containsExactly("FORBIDDEN");
        assertThat(ok(Api.as("property-staff").gql("mutation($id: ID!) { approveBooking(id: $id) { state } }",
                Map.of("id", pending))).getString("data.approveBooking.state")).isEqualTo("APPROVED");
        assertThat(codes(Api.as("property-staff").gql("mutation($id: ID!) { approveBooking(id: $id) { state } }",
                Map.of("id", pending)))).containsExactly("CONFLICT");

        String other = ok(resident.gql(BOOK, slot(room, inDays(5), "14:00", "15:00"))).getString("data.bookRoom.id");
        JsonPath rejected = ok(Api.as("community-admin").gql("mutation($id: ID!) { rejectBooking(id: $id, reason: "
                + "\"该时段已安排社区活动\") { state decisionReason } }", Map.of("id", other)));
        assertThat(rejected.getString("data.rejectBooking.state")).isEqualTo("REJECTED");
        assertThat(ok(resident.gql(BOOK, slot(room, inDays(5), "14:00", "15:00"))).getString("data.bookRoom.state"))
                .as("a rejected booking frees its slot").isEqualTo("PENDING");
    }

    @Test
    void cancellationCutOffAndCheckIn() {
        String room = Rooms.create("{noticeMinutes: 0, cancelCutoffMinutes: 120, slotMinutes: 5, minMinutes: 5}");
        Api resident = Api.as("owners-committee");
        OffsetDateTime soon = OffsetDateTime.now(ZONE).plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        soon = soon.plusMinutes(5 - soon.getMinute() % 5);
        org.junit.jupiter.api.Assumptions.assumeTrue(soon.toLocalDate().equals(soon.plusMinutes(30).toLocalDate())
                && soon.plusMinutes(30).toLocalTime().isBefore(java.time.LocalTime.of(23, 30)),
                "the test rooms close at 23:30 Shanghai time and this scenario books the next half hour");
        Map<String, Object> variables = new HashMap<>(Map.of("r", room, "s", soon.toString(),
                "e", soon.plusMinutes(30).toString(), "n", 5));
        String id = ok(resident.gql(BOOK, variables)).getString("data.bookRoom.id");
        JsonPath late = resident.gql("mutation($id: ID!) { cancelBooking(id: $id) { state } }", Map.of("id", id));
        assertThat(late.getString("errors[0].extensions.fields[0].message")).startsWith("[cancel-cutoff]");
        assertThat(codes(Api.as("resident").gql("mutation($id: ID!) { checkIn(id: $id) { state } }", Map.of("id", id))))
                .containsExactly("FORBIDDEN");
        assertThat(ok(resident.gql("mutation($id: ID!) { checkIn(id: $id) { state checkedInAt } }", Map.of("id", id)))
                .getString("data.checkIn.state")).isEqualTo("CHECKED_IN");
        String later = ok(resident.gql(BOOK, slot(room, inDays(6), "10:00", "11:00"))).getString("data.bookRoom.id");
        assertThat(ok(resident.gql("mutation($id: ID!) { cancelBooking(id: $id) { state } }", Map.of("id", later)))
                .getString("data.cancelBooking.state")).isEqualTo("CANCELLED");
    }

    @Test
    void bookingsNotCheckedInAreReleasedAsNoShows() throws Exception {
        String room = Rooms.create("{noticeMinutes: 0}");
        long person = Db.count(db, "select id from people where community_code = 'changqing-6' and name = '郑居民'");
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement("insert into booking_bookings "
                + "(id, community_code, room_id, booker_person_id, booked_for, purpose, attendance, starts_at, ends_at, "
                + "buffer_minutes, blocked_until, state, created_at) values (nextval('linqin_id_seq'), 'changqing-6', ?, ?, "
                + "'PERSON', '过期', 3, now() - interval '1 hour', now(), 0, now(), 'APPROVED', now())")) {
            s.setLong(1, Long.parseLong(room));
            s.setLong(2, person);
            s.executeUpdate();
        }
        // the scheduled release may get there first; either way it is the same code and the same end state
        scope.call("changqing-6", () -> noShows.release("changqing-6"));
        assertThat(Db.count(db, "select count(*) from booking_bookings where room_id = ? and state = 'NO_SHOW'",
                Long.parseLong(room))).isEqualTo(1);
        LocalDate today = LocalDate.now(ZONE);
        JsonPath usage = ok(Api.as("committee-member").gql("query($f: Date!, $t: Date!) { bookingUsage(from: $f, to: $t) "
                + "{ rooms { roomId noShows bookings noShowRate hoursOpen } kinds { kind bookings } } }",
                Map.of("f", today.minusDays(1).toString(), "t", today.plusDays(1).toString())));
        assertThat(usage.getInt("data.bookingUsage.rooms.find { it.roomId == '" + room + "' }.noShows")).isEqualTo(1);
        assertThat(usage.getDouble("data.bookingUsage.rooms.find { it.roomId == '" + room + "' }.noShowRate"))
                .isEqualTo(1.0);
    }

    @Test
    void weeklySeriesWithBothConflictChoices() {
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 120}");
        Api admin = Api.as("community-admin");
        LocalDate first = inDays(8);
        ok(admin.gql(BOOK, slot(room, first.plusWeeks(2), "19:00", "20:00")));
        String series = "mutation($r: ID!, $s: DateTime!, $e: DateTime!, $c: OnConflict!) { bookRoomSeries(input: {"
                + "first: {roomId: $r, startsAt: $s, endsAt: $e, purpose: \"象棋班\", attendance: 10, bookedFor: COURSE, "
                + "forName: \"全龄学堂·象棋\"}, weeks: 4, onConflict: $c}) { seriesId booked { id startsAt } "
                + "conflicts { startsAt reason } } }";
        Map<String, Object> variables = new HashMap<>(Map.of("r", room, "s", at(first, "19:00"), "e", at(first, "20:00"),
                "c", "ALL_OR_NOTHING"));
        long before = Db.count(db, "select count(*) from booking_bookings where room_id = ?", Long.parseLong(room));
        JsonPath none = ok(admin.gql(series, variables));
        assertThat(none.getList("data.bookRoomSeries.booked")).isEmpty();
        assertThat(none.getList("data.bookRoomSeries.conflicts")).hasSize(1);
        assertThat(none.getString("data.bookRoomSeries.conflicts[0].reason")).contains("clashes");
        assertThat(Db.count(db, "select count(*) from booking_bookings where room_id = ?", Long.parseLong(room)))
                .isEqualTo(before);

        variables.put("c", "SKIP_CONFLICTS");
        JsonPath some = ok(admin.gql(series, variables));
        List<String> booked = some.getList("data.bookRoomSeries.booked.id");
        assertThat(booked).hasSize(3);
        assertThat(some.getList("data.bookRoomSeries.conflicts")).hasSize(1);
        assertThat(ok(admin.gql("mutation($id: ID!) { cancelBooking(id: $id) { state seriesId } }",
                Map.of("id", booked.get(1)))).getString("data.cancelBooking.state")).isEqualTo("CANCELLED");
        assertThat(Db.count(db, "select count(*) from booking_bookings where room_id = ? and state = 'APPROVED'",
                Long.parseLong(room))).isEqualTo(before + 2);
    }

    @Test
    void calendarFeedFreeSlotsAndIsolation() {
        String room = Rooms.create("{noticeMinutes: 0}");
        Api admin = Api.as("community-admin");
        LocalDate day = inDays(3);
        ok(admin.gql(BOOK, slot(room, day, "10:00", "11:00")));
        String feed = ok(admin.gql("query($id: ID!) { room(id: $id) { calendarFeedPath } }", Map.of("id", room)))
                .getString("data.room.calendarFeedPath");
        assertThat(ok(Api.as("resident").gql("query($id: ID!) { room(id: $id) { calendarFeedPath } }",
                Map.of("id", room))).getString("data.room.calendarFeedPath")).isNull();
        String ics = given().get(feed).then().statusCode(200).contentType("text/calendar; charset=utf-8").extract()
                .asString();
        assertThat(ics).startsWith("BEGIN:VCALENDAR").contains("SUMMARY:象棋").contains("END:VCALENDAR");
        given().get("/calendar/rooms/not-a-token.ics").then().statusCode(404);

        JsonPath free = ok(Api.as("resident").gql("query($id: ID!, $d: Date!) { freeSlots(roomId: $id, from: $d) "
                + "{ startsAt endsAt } }", Map.of("id", room, "d", day.toString())));
        assertThat(free.getList("data.freeSlots.startsAt")).contains(at(day, "00:00"), at(day, "11:30"));

        assertThat(codes(Api.as("second-admin").gql("{ rooms { totalCount } }"))).containsExactly("MODULE_DISABLED");
        ok(Api.as("admin").gql(ModuleEnablementTest.ENABLE, Map.of("c", "demo-second", "m", "facility-booking")));
        try {
            assertThat(codes(Api.as("second-resident").gql("query($id: ID!) { room(id: $id) { name } }",
                    Map.of("id", room)))).containsExactly("NOT_FOUND");
            assertThat(codes(Api.as("second-resident").gql(BOOK, slot(room, day, "15:00", "16:00"))))
                    .containsExactly("NOT_FOUND");
        } finally {
            ok(Api.as("admin").gql(ModuleEnablementTest.DISABLE, Map.of("c", "demo-second", "m", "facility-booking")));
        }
    }
}
