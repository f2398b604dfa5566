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
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                var statistics = sessionFactory.getStatistics();
                statistics.clear();
                ok(booker.gql(BookingTest.BOOK, BookingTest.slot(room, own, (10 + i) + ":00", (10 + i) + ":30")));
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
            System.out.println("Statements per booking by " + user + ": " + fewest);
            assertThat(fewest).as("statements per booking by " + user).isLessThanOrEqualTo(limit);
        });
    }

    /** The fewest statements of three runs of each workload (jobs of the server may run alongside). */
    private Map<String, Long> measure(Api reader) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String query : WORKLOADS.keySet()) {
            ok(reader.gql(query)); // the community's module rows are read once and kept
            long fewest = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                var statistics = sessionFactory.getStatistics();
                statistics.clear();
                ok(reader.gql(query));
                fewest = Math.min(fewest, statistics.getPrepareStatementCount());
            }
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
