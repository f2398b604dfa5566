package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.VolunteerTeamTest.assertRefused;
import static org.linqin.server.VolunteerTeamTest.vars;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.Volunteers;
import org.linqin.volunteer.service.AttendanceSettlement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Check-in codes, the hours they verify, the settlement after a shift, the ledger, stars and points. */
@QuarkusTest
class VolunteerHoursTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String ASSIGN = "mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, personId: $p) { id state } }";
    static final String CODE = "mutation($s: ID!) { showVolunteerCheckCode(shiftId: $s) { code expiresAt } }";
    static final String CHECK_IN = "mutation($s: ID!, $c: String!) { checkInToVolunteerShift(shiftId: $s, code: $c) "
            + "{ checkedInAt } }";
    static final String CHECK_OUT = "mutation($s: ID!, $c: String!) { checkOutOfVolunteerShift(shiftId: $s, code: $c) "
            + "{ checkedOutAt } }";
    static final String RECORD = "query($p: ID) { volunteerRecord(personId: $p) { verifiedHours backfilledHours "
            + "starLevel hoursToNextLevel pointsBalance } }";

    @Inject
    AgroalDataSource db;

    @Inject
    AttendanceSettlement settlement;

    @Test
    void aCodeShownByTheLeaderChecksInAndOutAndTheHoursEarnPoints() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of());
        Volunteers.join("volunteer", team.get("joinCode"), List.of());
        OffsetDateTime start = OffsetDateTime.now().plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String shift = Volunteers.shift(activity, start, start.plusHours(1), 2, List.of(), false, false);
        Api leader = Api.as("team-leader");
        String resident = Volunteers.personId("resident");
        String volunteer = Volunteers.personId("volunteer");
        ok(leader.gql(ASSIGN, vars("s", shift, "p", resident)));
        ok(leader.gql(ASSIGN, vars("s", shift, "p", volunteer)));
        assertThat(codes(Api.as("resident").gql(CODE, vars("s", shift)))).containsExactly("FORBIDDEN");

        JsonPath shown = ok(leader.gql(CODE, vars("s", shift)));
        String code = shown.getString("data.showVolunteerCheckCode.code");
        assertThat(code).matches("\\d{6}");
        String wrong = code.equals("000000") ? "000001" : "000000";
        assertRefused(Api.as("resident").gql(CHECK_IN, vars("s", shift, "c", wrong)), "VALIDATION_FAILED", "BAD_CODE");
        assertRefused(Api.as("resident").gql(CHECK_OUT, vars("s", shift, "c", code)), "CONFLICT", "NOT_CHECKED_IN");
        ok(Api.as("resident").gql(CHECK_IN, vars("s", shift, "c", code)));
        assertRefused(Api.as("resident").gql(CHECK_IN, vars("s", shift, "c", code)), "CONFLICT", "ALREADY_CHECKED_IN");
        assertThat(codes(Api.as("owners-committee").gql(CHECK_IN, vars("s", shift, "c", code))))
                .containsExactly("NOT_FOUND");

        // The shift has been under way for 80 minutes (moved in time in the database): checking out counts the
        // minutes from check-in, within the shift.
        Db.update(db, "update volunteer_shifts set starts_at = now() - interval '90 minutes', ends_at = now() + "
                + "interval '30 minutes' where id = ?", Long.parseLong(shift));
        Db.update(db, "update sign_ups set checked_in_at = now() - interval '80 minutes' where person_id = ? and "
                + "list_id = (select list_id from volunteer_shift_positions where shift_id = ?)",
                Long.parseLong(resident), Long.parseLong(shift));
        assertRefused(leader.gql("mutation($s: ID!) { cancelVolunteerShift(shiftId: $s) { id } }", vars("s", shift)),
                "VALIDATION_FAILED", "STARTED");
        JsonPath before = ok(Api.as("resident").gql(RECORD, vars()));
        ok(Api.as("resident").gql(CHECK_OUT, vars("s", shift, "c", code)));
        assertRefused(Api.as("resident").gql(CHECK_OUT, vars("s", shift, "c", code)), "CONFLICT", "ALREADY_CHECKED_OUT");
        JsonPath after = ok(Api.as("resident").gql(RECORD, vars()));
        double gained = after.getDouble("data.volunteerRecord.verifiedHours")
                - before.getDouble("data.volunteerRecord.verifiedHours");
        assertThat(gained * 60).isBetween(79.9, 80.1);
        assertThat(after.getInt("data.volunteerRecord.pointsBalance")
                - before.getInt("data.volunteerRecord.pointsBalance")).isEqualTo(80 * 10 / 60);
        JsonPath ledger = ok(Api.as("resident").gql("{ volunteerPoints(first: 100) { edges { node { points hoursId } } } "
                + "volunteerHours(first: 100) { edges { node { id kind minutes shiftId } } } }"));
        assertThat(ledger.getList("data.volunteerHours.edges.node.shiftId")).contains(shift);

        // The volunteer never checked in: once the shift is over, the settlement marks the no-show, once.
        Db.update(db, "update volunteer_shifts set ends_at = now() - interval '1 minute' where id = ?",
                Long.parseLong(shift));
        settleUntilDone();
        assertThat(Db.count(db, "select count(*) from sign_ups u join volunteer_shift_positions p on p.list_id = "
                + "u.list_id where p.shift_id = ? and u.person_id = ? and u.state = 'NO_SHOW'", Long.parseLong(shift),
                Long.parseLong(volunteer))).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from volunteer_hours where shift_id = ?", Long.parseLong(shift)))
                .isEqualTo(1);
    }

    @Test
    void aCodeStopsWorkingAfterTenWrongTries() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("property-staff", team.get("joinCode"), List.of());
        OffsetDateTime start = OffsetDateTime.now().plusMinutes(10).truncatedTo(ChronoUnit.MINUTES);
        String shift = Volunteers.shift(activity, start, start.plusHours(1), 2, List.of(), false, false);
        ok(Api.as("team-leader").gql(ASSIGN, vars("s", shift, "p", Volunteers.personId("property-staff"))));
        String code = ok(Api.as("team-leader").gql(CODE, vars("s", shift))).getString("data.showVolunteerCheckCode.code");
        for (int i = 0; i < 10; i++) {
            String wrong = String.format("%06d", (Integer.parseInt(code) + 1 + i) % 1_000_000);
            assertRefused(Api.as("property-staff").gql(CHECK_IN, vars("s", shift, "c", wrong)), "VALIDATION_FAILED", "BAD_CODE");
        }
        // the right code no longer works; a new one does
        assertRefused(Api.as("property-staff").gql(CHECK_IN, vars("s", shift, "c", code)), "VALIDATION_FAILED", "BAD_CODE");
        String fresh = ok(Api.as("team-leader").gql(CODE, vars("s", shift))).getString("data.showVolunteerCheckCode.code");
        ok(Api.as("property-staff").gql(CHECK_IN, vars("s", shift, "c", fresh)));
    }

    @Test
    void aCheckInLeftOpenIsClosedAtTheShiftsEndAcrossMidnightAndOnlyOnceWithManyReplicas() throws Exception {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), List.of());
        String resident = Volunteers.personId("resident");
        List<String> shifts = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            OffsetDateTime start = OffsetDateTime.now().plusDays(20 + i).truncatedTo(ChronoUnit.HOURS);
            String shift = Volunteers.shift(activity, start, start.plusHours(1), 1, List.of(), false, false);
            ok(Api.as("team-leader").gql(ASSIGN, vars("s", shift, "p", resident)));
            shifts.add(shift);
        }
        // Night patrols of past days, 23:00 to 01:00 Shanghai time (15:00 to 17:00 UTC), checked in at 23:30 and
        // never checked out.
        for (int i = 0; i < shifts.size(); i++) {
            LocalDate day = LocalDate.now(ZONE).minusDays(2 + i);
            OffsetDateTime start = day.atTime(23, 0).atZone(ZONE).toOffsetDateTime();
            // check-in first, then the time: the settlement job may run between the two
            Db.update(db, "update sign_ups set checked_in_at = ? where list_id = (select list_id from "
                    + "volunteer_shift_positions where shift_id = ?)", start.plusMinutes(30), Long.parseLong(shifts.get(i)));
            Db.update(db, "update volunteer_shifts set starts_at = ?, ends_at = ? where id = ?", start,
                    start.plusHours(2), Long.parseLong(shifts.get(i)));
        }
        // Two replicas settle at the same time.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit((Callable<Integer>) this::settleUntilDone));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < shifts.size(); i++) {
            long shift = Long.parseLong(shifts.get(i));
            assertThat(Db.count(db, "select count(*) from volunteer_hours where shift_id = ?", shift)).isEqualTo(1);
            assertThat(Db.count(db, "select minutes from volunteer_hours where shift_id = ?", shift)).isEqualTo(90);
            // the day served is the start's local date, though it ended the next day (and on the same UTC day)
            assertThat(Db.count(db, "select count(*) from volunteer_hours where shift_id = ? and worked_on = ?", shift,
                    LocalDate.now(ZONE).minusDays(2 + i))).isEqualTo(1);
        }
    }

    @Test
    void backfilledHoursCountOnceApprovedAndCorrectionsAreNewEntries() {
        Map<String, String> team = Volunteers.team("ELDERLY_CARE");
        Api admin = Api.as("community-admin");
        String person = ok(admin.gql("mutation { createPerson(input: {name: \"补录志愿者\"}) { id } }"))
                .getString("data.createPerson.id");
        String backfill = "mutation($t: ID!, $p: ID!, $d: Date!, $m: Int!) { backfillVolunteerHours(input: {teamId: $t, "
                + "personId: $p, workedOn: $d, minutes: $m, reason: \"纸质签到表\"}) { id state kind } }";
        String yesterday = LocalDate.now(ZONE).minusDays(1).toString();
        // not a member yet
        assertRefused(Api.as("team-leader").gql(backfill, vars("t", team.get("id"), "p", person, "d", yesterday,
                "m", 60)), "VALIDATION_FAILED", "NOT_MEMBER");
        ok(admin.gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, personId: $p, role: MEMBER) "
                + "{ id } }", vars("t", team.get("id"), "p", person)));
        assertThat(codes(Api.as("team-leader").gql(backfill, vars("t", team.get("id"), "p", person, "d",
                LocalDate.now(ZONE).plusDays(1).toString(), "m", 60)))).containsExactly("VALIDATION_FAILED");
        assertThat(codes(Api.as("team-leader").gql(backfill, vars("t", team.get("id"), "p", person, "d", yesterday,
                "m", 2000)))).containsExactly("VALIDATION_FAILED");
        assertThat(codes(Api.as("volunteer").gql(backfill, vars("t", team.get("id"), "p", person, "d", yesterday,
                "m", 60)))).containsExactly("FORBIDDEN");

        List<String> entries = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JsonPath entry = ok(Api.as("team-leader").gql(backfill, vars("t", team.get("id"), "p", person,
                    "d", yesterday, "m", 1440)));
            assertThat(entry.getString("data.backfillVolunteerHours.state")).isEqualTo("PENDING");
            entries.add(entry.getString("data.backfillVolunteerHours.id"));
        }
        assertThat(ok(admin.gql(RECORD, vars("p", person))).getDouble("data.volunteerRecord.backfilledHours")).isZero();
        String decide = "mutation($e: ID!, $a: Boolean!, $r: String) { decideVolunteerHours(entryId: $e, approve: $a, "
                + "reason: $r) { state } }";
        assertThat(codes(Api.as("team-leader").gql(decide, vars("e", entries.get(0), "a", true))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(admin.gql(decide, vars("e", entries.get(0), "a", false)))).containsExactly("VALIDATION_FAILED");
        ok(admin.gql(decide, vars("e", entries.get(0), "a", false, "r", "重复登记")));
        for (String entry : entries.subList(1, 5)) {
            ok(admin.gql(decide, vars("e", entry, "a", true)));
        }
        assertThat(codes(admin.gql(decide, vars("e", entries.get(1), "a", true)))).containsExactly("CONFLICT");
        JsonPath record = ok(admin.gql(RECORD, vars("p", person)));
        assertThat(record.getDouble("data.volunteerRecord.backfilledHours")).isEqualTo(96.0);
        // back-filled hours (荣誉时长) are not verified: no star, no points
        assertThat(record.getDouble("data.volunteerRecord.verifiedHours")).isZero();
        assertThat(record.getInt("data.volunteerRecord.starLevel")).isZero();
        assertThat(record.getInt("data.volunteerRecord.pointsBalance")).isZero();

        // A correction is a new entry; a leader's waits for approval, the original stays as it was.
        String correct = "mutation($e: ID!, $m: Int!) { correctVolunteerHours(entryId: $e, minutes: $m, reason: "
                + "\"多记了\") { id state correctsId } }";
        JsonPath correction = ok(Api.as("team-leader").gql(correct, vars("e", entries.get(1), "m", -240)));
        assertThat(correction.getString("data.correctVolunteerHours.state")).isEqualTo("PENDING");
        ok(admin.gql(decide, vars("e", correction.getString("data.correctVolunteerHours.id"), "a", true)));
        assertThat(ok(admin.gql(RECORD, vars("p", person))).getDouble("data.volunteerRecord.backfilledHours"))
                .isEqualTo(92.0);
        assertThat(Db.count(db, "select minutes from volunteer_hours where id = ?", Long.parseLong(entries.get(1))))
                .isEqualTo(1440);
        assertThat(codes(Api.as("team-leader").gql(correct, vars("e", correction.getString(
                "data.correctVolunteerHours.id"), "m", 10)))).containsExactly("VALIDATION_FAILED");
        // a declined entry is not corrected, and no entry counts less than nothing
        assertThat(codes(admin.gql(correct, vars("e", entries.get(0), "m", 10)))).containsExactly("VALIDATION_FAILED");
        assertThat(codes(admin.gql(correct, vars("e", entries.get(1), "m", -1440)))).containsExactly("VALIDATION_FAILED");
        assertThat(codes(admin.gql(decide, vars("e", entries.get(2), "a", false, "r", "x".repeat(501)))))
                .containsExactly("VALIDATION_FAILED");
        assertThat(ok(admin.gql("query($p: ID!, $f: Date!, $t: Date!) { volunteerMonths(personId: $p, from: $f, to: $t) "
                + "{ month backfilledHours } }", vars("p", person, "f", LocalDate.now(ZONE).minusMonths(1).toString(),
                "t", LocalDate.now(ZONE).plusDays(1).toString()))).getDouble("data.volunteerMonths.backfilledHours.sum()"))
                .isEqualTo(92.0);

        // whose hours one may read: one's own, team leaders their members', admins anyone's
        assertThat(codes(Api.as("resident").gql(RECORD, vars("p", person)))).containsExactly("FORBIDDEN");
        ok(Api.as("team-leader").gql(RECORD, vars("p", person)));
        assertThat(codes(Api.as("resident").gql("query($p: ID!) { volunteerHours(personId: $p) { totalCount } }",
                vars("p", person)))).containsExactly("FORBIDDEN");
    }

    @Test
    void verifiedHoursRaiseTheStarLevelAndTheLeaderboardShowsOnlyThoseWhoOptIn() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("building-leader", team.get("joinCode"), List.of());
        String person = Volunteers.personId("building-leader");
        // 101 verified hours: 101 shifts of an hour, checked in and out (set in the database), settled.
        OffsetDateTime first = OffsetDateTime.now().plusDays(40).truncatedTo(ChronoUnit.HOURS);
        List<String> shifts = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            shifts.add(Volunteers.shift(activity, first.plusHours(i * 24L), first.plusHours(i * 24L + 1), 1, List.of(),
                    false, false));
        }
        for (String shift : shifts) {
            ok(Api.as("team-leader").gql(ASSIGN, vars("s", shift, "p", person)));
        }
        Db.update(db, "update sign_ups u set checked_in_at = s.starts_at - interval '200 days' from "
                + "volunteer_shift_positions p, volunteer_shifts s where p.list_id = u.list_id and s.id = p.shift_id "
                + "and s.team_id = ?", Long.parseLong(team.get("id")));
        Db.update(db, "update volunteer_shifts set starts_at = starts_at - interval '200 days', ends_at = ends_at - "
                + "interval '200 days' where team_id = ?", Long.parseLong(team.get("id")));
        settleUntilDone();
        JsonPath record = ok(Api.as("building-leader").gql(RECORD, vars()));
        assertThat(record.getDouble("data.volunteerRecord.verifiedHours")).isEqualTo(101.0);
        assertThat(record.getInt("data.volunteerRecord.starLevel")).isEqualTo(1);
        assertThat(record.getDouble("data.volunteerRecord.hoursToNextLevel")).isEqualTo(199.0);
        assertThat(record.getInt("data.volunteerRecord.pointsBalance")).isEqualTo(1010);

        String board = "{ volunteerLeaderboard(first: 100) { personId verifiedHours } }";
        assertThat(ok(Api.as("resident").gql(board)).getList("data.volunteerLeaderboard.personId")).doesNotContain(person);
        ok(Api.as("building-leader").gql("mutation { setVolunteerLeaderboardOptIn(optIn: true) }"));
        assertThat(ok(Api.as("resident").gql(board)).getList("data.volunteerLeaderboard.personId")).contains(person);
        ok(Api.as("building-leader").gql("mutation { setVolunteerLeaderboardOptIn(optIn: false) }"));
        assertThat(ok(Api.as("resident").gql(board)).getList("data.volunteerLeaderboard.personId")).doesNotContain(person);
        assertThat(codes(Api.as("resident").gql("{ volunteerLeaderboard(first: 0) { name } }")))
                .containsExactly("VALIDATION_FAILED");
    }

    @Test
    void rewardsAreRedeemedWithinStockAndBalance() {
        Api admin = Api.as("community-admin");
        String reward = ok(admin.gql("mutation($n: String!) { createVolunteerReward(input: {name: $n, cost: 100, "
                + "stock: 1}) { id } }", vars("n", "课程名额-" + UUID.randomUUID()))).getString("data.createVolunteerReward.id");
        assertThat(codes(admin.gql("mutation { createVolunteerReward(input: {name: \"x\", cost: 0, stock: 1}) { id } }")))
                .containsExactly("VALIDATION_FAILED");
        String person = Volunteers.personId("grid-worker");
        String redeem = "mutation($r: ID!) { redeemVolunteerReward(rewardId: $r) { points } }";
        int balance = ok(Api.as("grid-worker").gql(RECORD, vars())).getInt("data.volunteerRecord.pointsBalance");
        if (balance < 100) {
            assertRefused(Api.as("grid-worker").gql(redeem, vars("r", reward)), "CONFLICT", "INSUFFICIENT_POINTS");
            // nothing changed: the stock taken before the balance was checked was given back
            assertThat(Db.count(db, "select stock from volunteer_rewards where id = ?", Long.parseLong(reward)))
                    .isEqualTo(1);
        }
        Db.update(db, "insert into volunteer_profiles (id, community_code, person_id, points_balance) values "
                + "(nextval('linqin_id_seq'), 'changqing-6', ?, 250) on conflict (community_code, person_id) do update "
                + "set points_balance = 250", Long.parseLong(person));
        assertThat(ok(Api.as("grid-worker").gql(redeem, vars("r", reward))).getInt("data.redeemVolunteerReward.points"))
                .isEqualTo(-100);
        assertRefused(Api.as("grid-worker").gql(redeem, vars("r", reward)), "CONFLICT", "OUT_OF_STOCK");
        assertThat(ok(Api.as("grid-worker").gql(RECORD, vars())).getInt("data.volunteerRecord.pointsBalance"))
                .isEqualTo(150);
        assertThat(codes(Api.as("grid-worker").gql(redeem, vars("r", "1")))).containsExactly("NOT_FOUND");
    }

    /** Runs the settlement until no ended shift is left; @return how many shifts this call settled. */
    int settleUntilDone() {
        int total = 0;
        for (int settled = settlement.settleNow("changqing-6"); settled > 0;
                settled = settlement.settleNow("changqing-6")) {
            total += settled;
        }
        return total;
    }
}
