package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The audit log is readable: by community admins for their community, by platform admins for any. */
@QuarkusTest
class AuditLogTest {

    private static final String SEARCH = "query($c: String, $actor: String, $action: String, $type: String, "
            + "$id: String, $from: DateTime, $to: DateTime, $first: Int) { auditLog(community: $c, actorContains: "
            + "$actor, action: $action, targetType: $type, targetId: $id, from: $from, to: $to, first: $first) "
            + "{ totalCount pageInfo { hasNextPage } edges { node { community actor action targetType targetId "
            + "details at } } } }";

    @Test
    void communityAdminsReadTheirCommunitysLinesFilteredAndPaginated() {
        Api admin = Api.as("community-admin").in("changqing-6");
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        String name = "审计-" + UUID.randomUUID();
        String id = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", name))).getString("data.createCompound.id");
        ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }", Map.of("n", name + "-2")));

        JsonPath found = ok(admin.gql(SEARCH, vars("type", "compound", "id", id, "action", "compound.created",
                "actor", "COMMUNITY-ADMIN", "from", before.toString())));
        assertThat(found.getInt("data.auditLog.totalCount")).isEqualTo(1);
        assertThat(found.getString("data.auditLog.edges[0].node.community")).isEqualTo("changqing-6");
        assertThat(found.getString("data.auditLog.edges[0].node.details")).contains(name);

        JsonPath none = ok(admin.gql(SEARCH, vars("type", "compound", "id", id, "to", before.toString())));
        assertThat(none.getInt("data.auditLog.totalCount")).isZero();

        JsonPath page = ok(admin.gql(SEARCH, vars("first", 1)));
        assertThat(page.getList("data.auditLog.edges")).hasSize(1);
        assertThat(page.getBoolean("data.auditLog.pageInfo.hasNextPage")).isTrue();
        assertThat(page.getList("data.auditLog.edges.node.community", String.class)).containsOnly("changqing-6");
    }

    @Test
    void othersReadNoLinesTheyMayNot() {
        assertThat(codes(Api.as("community-admin").in("changqing-6").gql(SEARCH, vars("c", "demo-second"))))
                .containsExactly("VALIDATION_FAILED");
        assertThat(codes(Api.as("second-admin").in("changqing-6").gql(SEARCH, vars()))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("resident").in("changqing-6").gql(SEARCH, vars()))).containsExactly("FORBIDDEN");
        assertThat(codes(Api.anonymous().in("changqing-6").gql(SEARCH, vars()))).containsExactly("UNAUTHENTICATED");
    }

    @Test
    void platformAdminsReadAnyCommunityOrAll() {
        Api platform = Api.as("admin");
        String code = ModuleEnablementTest.newCommunity(platform);
        JsonPath second = ok(platform.gql(SEARCH, vars("c", "demo-second")));
        assertThat(second.getList("data.auditLog.edges.node.community", String.class)).allMatch("demo-second"::equals);
        JsonPath all = ok(platform.gql(SEARCH, vars("action", "community.created", "id", code)));
        assertThat(all.getInt("data.auditLog.totalCount")).isEqualTo(1);
        assertThat(all.getString("data.auditLog.edges[0].node.actor")).contains("admin");
    }

    private static Map<String, Object> vars(Object... pairs) {
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            variables.put((String) pairs[i], pairs[i + 1]);
        }
        return variables;
    }
}
