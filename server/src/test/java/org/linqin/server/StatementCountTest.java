package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.ok;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.OrgUnits;
import org.linqin.server.support.Rooms;
import org.linqin.server.support.Volunteers;
import org.linqin.server.support.Statements;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * SQL statements per request for the peer benchmark's workloads (bench/peer.sh) and the nested lists of the
 * examples: a constant number, whatever the size of the data (20 vs 2,000 organisation units; 2 vs 20 compounds of
 * 3 vs 20 buildings), and no more than the numbers below.
 */
@QuarkusTest
class StatementCountTest {

    /** The workloads and the most statements each may take: a page and its count, one more per nested level. */
    private static final Map<String, Long> WORKLOADS = new LinkedHashMap<>();
    static {
        WORKLOADS.put("{ orgUnits(first: 100) { totalCount edges { node { id name kind parentId axisLevel } } } }", 2L);
        WORKLOADS.put("{ orgUnits(first: 100) { edges { node { id name } } } }", 1L);
        WORKLOADS.put("{ community { code name compounds(first: 100) { totalCount edges { node { id name "
                + "buildings { id name units floors } } } } } }", 4L);
        WORKLOADS.put("{ orgUnits(kind: COMPOUND_PARTY_COMMITTEE, first: 100) { edges { node { id name "
                + "children { id name kind children { id name kind } } } } } }", 3L);
    }

    @Inject
    AgroalDataSource db;

    @Inject
    SessionFactory sessionFactory;

    @Test
    void theWorkloadsTakeAFewStatementsWhateverTheSizeOfTheData() throws SQLException {
        Api admin = Api.as("admin");
        String code = ModuleEnablementTest.newCommunity(admin);
        ok(admin.gql(ModuleEnablementTest.ENABLE, Map.of("c", code, "m", "organisation")));
        Api reader = Api.as("admin").in(code);
        long root;
        try (Connection c = db.getConnection()) {
            root = OrgUnits.insert(c, code, "社区党委", "COMMUNITY_PARTY_COMMITTEE", null);
            OrgUnits.addAxisBelow(c, code, root, 1, 2, 2, 3);           // 20 units
            addCompounds(c, code, "小", 2, 3);
        }
        Map<String, Long> small = measure(reader);
        try (Connection c = db.getConnection()) {
            OrgUnits.addAxisBelow(c, code, root, 10, 4, 9, 4);          // + 1,850
            OrgUnits.addAxisBelow(c, code, root, 1, 1, 9, 11);          // + 110
            OrgUnits.addAxisBelow(c, code, root, 1, 1, 1, 17);          // + 20 = 2,000
            addCompounds(c, code, "大", 18, 20);
        }
        Map<String, Long> large = measure(reader);
        System.out.println("Statements per request (small data, large data): " + small.values() + ", "
                + large.values());
        assertThat(large).as("statements with 100 times the data").isEqualTo(small);
        WORKLOADS.forEach((query, most) -> assertThat(large.get(query)).as(query).isLessThanOrEqualTo(most));
    }

    /**
     * A booking that clashes with nothing: the room (with its opening hours and closures), the booker's record, the
     * booking and its audit entry; the clash is the exclusion constraint's to find. A resident's booking adds the
     * minutes booked that week (the quota); staff have none.
     */
    @Test
    void aBookingTakesAFewStatements() {
        String room = Rooms.create("{noticeMinutes: 0, aheadDays: 3650, bufferMinutes: 0, weeklyQuotaMinutes: 10080}");
        LocalDate day = BookingTest.inDays(400);
        Map<String, Long> most = Map.of("community-admin", 6L, "resident", 7L);
        most.forEach((user, limit) -> {
            Api booker = Api.as(user);
            LocalDate own = day.plusDays(user.length());
            ok(booker.gql(BookingTest.BOOK, BookingTest.slot(room, own, "08:00", "08:30")));
            long fewest = Statements.fewestOf(run -> ok(booker.gql(BookingTest.BOOK,
                    BookingTest.slot(room, own, (10 + run) + ":00", (10 + run) + ":30"))));
            System.out.println("Statements per booking by " + user + ": " + fewest);
            assertThat(fewest).as("statements per booking by " + user).isLessThanOrEqualTo(limit);
        });
    }

    /** The volunteer-team module's nested lists: shifts with their positions, members with names and party flags. */
    @Test
    void volunteerListsTakeAFewStatementsWhateverTheirSize() {
        Map<String, String> team = Volunteers.team("PATROL");
        String activity = Volunteers.activity(team.get("id"));
        Volunteers.join("resident", team.get("joinCode"), java.util.List.of());
        String resident = Volunteers.personId("resident");
        java.time.OffsetDateTime first = java.time.OffsetDateTime.now().plusDays(200)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        String from = first.minusDays(1).toString();
        String to = first.plusDays(60).toString();
        Map<String, Long> lists = new LinkedHashMap<>();
        lists.put("query($t: ID!, $f: DateTime!, $to: DateTime!) { openVolunteerShifts(teamId: $t, from: $f, to: $to, "
                + "first: 100) { edges { node { id startsAt positions { name needed free } } } } }", 3L);
        lists.put("query($t: ID!) { volunteerTeamMembers(teamId: $t, first: 100) { totalCount edges { node { name "
                + "partyMember role } } } }", 8L);
        lists.put("{ myVolunteerSignUps(first: 100) { edges { node { state shift { id positions { free } } } } } }", 5L);
        Map<String, Object> variables = Map.of("t", team.get("id"), "f", from, "to", to);
        Map<String, Long> small = null;
        for (int round = 0; round < 2; round++) {
            int shifts = round == 0 ? 2 : 20;
            for (int i = 0; i < shifts; i++) {
                java.time.OffsetDateTime start = first.plusDays(round * 30L + i);
                String shift = Volunteers.shift(activity, start, start.plusHours(1), 3, java.util.List.of(), false, false);
                ok(Api.as("team-leader").gql("mutation($s: ID!, $p: ID!) { assignVolunteerShift(shiftId: $s, personId: $p) "
                        + "{ id } }", Map.of("s", shift, "p", resident)));
                ok(Api.as("community-admin").gql("mutation($t: ID!, $p: ID!) { appointVolunteerTeamRole(teamId: $t, "
                        + "personId: $p, role: MEMBER) { id } }", Map.of("t", team.get("id"), "p", ok(Api.as(
                        "community-admin").gql("mutation { createPerson(input: {name: \"计数\"}) { id } }"))
                        .getString("data.createPerson.id"))));
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            lists.forEach((query, most) -> {
                Api reader = Api.as(query.contains("myVolunteerSignUps") ? "resident" : "team-leader");
                ok(reader.gql(query, variables));
                long fewest = Statements.fewestOf(() -> ok(reader.gql(query, variables)));
                counts.put(query, fewest);
            });
            if (small == null) {
                small = counts;
            } else {
                System.out.println("Volunteer statements per request (small, large): " + small.values() + ", "
                        + counts.values());
                assertThat(counts).as("statements with ten times the shifts and members").isEqualTo(small);
            }
        }
        small.forEach((query, count) -> assertThat(count).as(query).isLessThanOrEqualTo(lists.get(query)));
    }

    /** A registration for an event: its statements, most of them under the ticket kind's lock, bound the opening rate. */
    @Test
    void aRegistrationTakesAFewStatements() {
        long fewest = Long.MAX_VALUE;
        for (String user : java.util.List.of("resident", "volunteer", "party-member")) {
            CulturalEventTest.Created event = CulturalEventTest.published(1, 1, true);
            ok(CulturalEventTest.register("building-leader", event, 1)); // the place is taken: the rest wait
            var statistics = sessionFactory.getStatistics();
            statistics.clear();
            ok(CulturalEventTest.register(user, event, 1));
            fewest = Math.min(fewest, statistics.getPrepareStatementCount());
        }
        System.out.println("Statements per registration: " + fewest);
        assertThat(fewest).as("statements per registration").isLessThanOrEqualTo(12L);
    }

    /** The cultural-event module's nested lists: events with sub-events and tickets, registrations with their line. */
    @Test
    void eventListsTakeAFewStatementsWhateverTheirSize() {
        java.time.OffsetDateTime first = java.time.OffsetDateTime.now().plusDays(300)
                .truncatedTo(java.time.temporal.ChronoUnit.HOURS);
        Map<String, Long> lists = new LinkedHashMap<>();
        lists.put("query($f: DateTime!, $to: DateTime!) { upcomingCulturalEvents(from: $f, to: $to, first: 100) { edges "
                + "{ node { title organisers { name } series { name } subEvents { title ticketKinds { free waiting } } } } } }",
                6L);
        lists.put("{ myCulturalEventRegistrations(first: 100) { edges { node { state waitingPosition subEvent { title } "
                + "} } } }", 5L);
        Map<String, Object> variables = Map.of("f", first.minusDays(1).toString(), "to", first.plusDays(60).toString());
        Map<String, Long> small = null;
        for (int round = 0; round < 2; round++) {
            int events = round == 0 ? 2 : 12;
            for (int i = 0; i < events; i++) {
                java.time.OffsetDateTime start = first.plusDays(round * 30L + i);
                Map<String, Object> input = CulturalEventTest.event("PUBLIC", CulturalEventTest.subEvent(start,
                        start.plusHours(2), java.util.List.of(CulturalEventTest.ticket("普通", 1, 1),
                                CulturalEventTest.ticket("亲子", 5, 3))));
                input.put("organisers", java.util.List.of(Map.of("role", "HOST", "name", "社区党委")));
                CulturalEventTest.Created event = CulturalEventTest.create(input);
                ok(CulturalEventTest.publish(event.event()));
                ok(CulturalEventTest.register("volunteer", event, 1));
                ok(CulturalEventTest.register("resident", event, 1)); // waiting behind
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            lists.forEach((query, most) -> {
                Api reader = Api.as("resident");
                ok(reader.gql(query, variables));
                long fewest = Statements.fewestOf(() -> ok(reader.gql(query, variables)));
                counts.put(query, fewest);
            });
            if (small == null) {
                small = counts;
            } else {
                System.out.println("Event statements per request (small, large): " + small.values() + ", "
                        + counts.values());
                assertThat(counts).as("statements with six times the events").isEqualTo(small);
            }
        }
        small.forEach((query, count) -> assertThat(count).as(query).isLessThanOrEqualTo(lists.get(query)));
    }

    /** The statements of each workload (see Statements: the fewest of three runs, jobs paused). */
    private Map<String, Long> measure(Api reader) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String query : WORKLOADS.keySet()) {
            ok(reader.gql(query)); // the community's module rows are read once and kept
            long fewest = Statements.fewestOf(() -> ok(reader.gql(query)));
            counts.put(query, fewest);
        }
        return counts;
    }

    private static void addCompounds(Connection c, String code, String prefix, int compounds, int buildings)
            throws SQLException {
        for (int i = 0; i < compounds; i++) {
            long compound;
            try (PreparedStatement s = c.prepareStatement("insert into compounds (id, community_code, name) values "
                    + "(nextval('linqin_id_seq'), ?, ?) returning id")) {
                s.setString(1, code);
                s.setString(2, prefix + "小区-" + i);
                var rows = s.executeQuery();
                rows.next();
                compound = rows.getLong(1);
            }
            for (int b = 0; b < buildings; b++) {
                try (PreparedStatement s = c.prepareStatement("insert into buildings (id, community_code, compound_id, "
                        + "name, units, floors) values (nextval('linqin_id_seq'), ?, ?, ?, '{1单元}', 18)")) {
                    s.setString(1, code);
                    s.setLong(2, compound);
                    s.setString(3, (b + 1) + "栋");
                    s.executeUpdate();
                }
            }
        }
    }
}
