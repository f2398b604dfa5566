package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.ModuleAuthorizationRows;
import org.linqin.server.support.ModuleAuthorizationRows.Row;

/** The files of authorization rows that modules carry: read as written, refused with the file and row named. */
class ModuleAuthorizationRowsTest {

    private static final String NAME = "META-INF/linqin/authorization/example.json";

    @Test
    void readsRowsWithGroupsVariablesAndFieldRows() {
        List<Row> rows = ModuleAuthorizationRows.parse("""
                {
                  "groups": {"organisers": ["community-admin", "committee-member"]},
                  "rows": [
                    {"operation": "notices", "allowed": ["*"], "document": "{ notices { totalCount } }"},
                    {"operation": "Community.pinnedNotices", "allowed": ["member"],
                     "document": "{ community(code: \\"x\\") { pinnedNotices { id } } }"},
                    {"operation": "withdrawNotice", "allowed": ["@organisers", "platform-admin"], "note": "why",
                     "document": "mutation($id: ID!) { withdrawNotice(id: $id) { id } }", "variables": {"id": 1}}
                  ]
                }""", NAME);
        assertThat(rows).extracting(Row::operation)
                .containsExactly("notices", "Community.pinnedNotices", "withdrawNotice");
        assertThat(rows.get(0).allowed()).containsExactly("*");
        assertThat(rows.get(0).variables()).isEmpty();
        assertThat(rows.get(2).allowed()).containsExactlyInAnyOrder("community-admin", "committee-member",
                "platform-admin");
        assertThat(rows.get(2).variables()).isEqualTo(Map.of("id", 1));
        assertThat(rows.get(2).origin()).isEqualTo(NAME + ", row 3 (withdrawNotice)");
    }

    @Test
    void theNoticeBoardCarriesItsRowsInItsJar() {
        List<Row> rows = ModuleAuthorizationRows.of("notice-board", getClass().getClassLoader());
        assertThat(rows).extracting(Row::operation).contains("notices", "Community.pinnedNotices", "publishNotice",
                "withdrawNotice");
        assertThat(ModuleAuthorizationRows.of("no-such-module", getClass().getClassLoader())).isEmpty();
    }

    @Test
    void aMalformedFileIsRefusedNamingTheFileAndTheRow() {
        refused("{\"rows\": [{\"operation\": \"notices\", \"allowed\": [\"comunity-admin\"], \"document\": \"{ x }\"}]}",
                NAME + ", row 1 (notices): unknown role \"comunity-admin\"");
        refused("{\"rows\": [{\"operation\": \"notices\", \"document\": \"{ x }\"}]}",
                NAME + ", row 1 (notices): \"allowed\" is missing");
        refused("{\"rows\": [{\"operation\": \"a\", \"allowed\": [\"*\"], \"document\": \"{ a }\"}, "
                + "{\"allowed\": [\"*\"], \"document\": \"{ x }\"}]}", NAME + ", row 2: \"operation\" is missing");
        refused("{\"rows\": [{\"operation\": \"notices\", \"allowed\": [\"*\"]}]}",
                NAME + ", row 1 (notices): \"document\" is missing");
        refused("{\"rows\": [{\"operation\": \"notices\", \"alowed\": [\"*\"], \"document\": \"{ x }\"}]}",
                NAME + ", row 1 (notices): unknown key \"alowed\"");
        refused("{\"rows\": [{\"operation\": \"notices\", \"allowed\": [\"@staff\"], \"document\": \"{ x }\"}]}",
                NAME + ", row 1 (notices): unknown group \"@staff\"");
        refused("{\"groups\": {\"staff\": [\"grid-wroker\"]}, \"rows\": []}",
                NAME + ", group \"staff\": unknown role \"grid-wroker\"");
        refused("{\"rows\": [{\"operation\": \"a b\", \"allowed\": [\"*\"], \"document\": \"{ x }\"}]}",
                NAME + ", row 1 (a b): \"operation\" must be a root field");
        refused("{\"rows\": [{\"operation\": \"notices\", \"allowed\": [\"*\"], \"document\": \"{ x }\", "
                + "\"variables\": [1]}]}", NAME + ", row 1 (notices): \"variables\" must be an object");
        refused("{\"row\": []}", NAME + ": unknown key \"row\"");
        refused("{\"rows\": [}", NAME + ": not valid JSON");
    }

    private static void refused(String text, String message) {
        assertThatThrownBy(() -> ModuleAuthorizationRows.parse(text, NAME))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void specialValuesAndEveryRoleAreKnown() {
        for (String value : Set.of("*", "signed-in", "member", "platform-admin", "resident", "partner-staff")) {
            assertThat(ModuleAuthorizationRows.parse("{\"rows\": [{\"operation\": \"a\", \"allowed\": [\"" + value
                    + "\"], \"document\": \"{ a }\"}]}", NAME)).hasSize(1);
        }
    }
}
