package org.linqin.server.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Organisation units written straight into the database, for tests that need many. */
public final class OrgUnits {

    private OrgUnits() {
    }

    /** Writes levels 2 to 5 of the axis under {@code root}. */
    public static void addAxisBelow(Connection c, String code, long root, int compounds, int branches, int groups,
            int households) throws SQLException {
        for (int i = 0; i < compounds; i++) {
            long compound = insert(c, code, "小区党委-" + UUID.randomUUID(), "COMPOUND_PARTY_COMMITTEE", root);
            for (int j = 0; j < branches; j++) {
                long branch = insert(c, code, "支部-" + UUID.randomUUID(), "COMPOUND_PARTY_BRANCH", compound);
                for (int k = 0; k < groups; k++) {
                    long group = insert(c, code, "小组-" + UUID.randomUUID(), "PARTY_GROUP", branch);
                    for (int h = 0; h < households; h++) {
                        insert(c, code, "中心户-" + UUID.randomUUID(), "PARTY_MEMBER_HOUSEHOLD", group);
                    }
                }
            }
        }
    }

    public static long insert(Connection c, String code, String name, String kind, Long parent) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into org_units (id, community_code, name, kind, "
                + "parent_id) values (nextval('linqin_id_seq'), ?, ?, ?, ?) returning id")) {
            s.setString(1, code);
            s.setString(2, name);
            s.setString(3, kind);
            s.setObject(4, parent);
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
