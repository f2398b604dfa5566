package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.ok;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.NodeTools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Subscriptions as a browser makes them, with the {@code graphql-ws} client (npm) over {@code ws}: the token and the
 * community travel in the {@code connection_init} payload, since a browser cannot set headers on a WebSocket. A
 * token that cannot be verified closes the socket with 4401, an operation the caller may not make with 4403.
 */
@QuarkusTest
class BrowserSubscriptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INCIDENTS = "subscription { incidentChanges { id description } }";
    private static final String REPORT = "mutation($d: String!) { reportIncident(input: {category: \"safety\", "
            + "description: $d}) { id } }";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aSubscriberWithTheTokenInConnectionParamsHearsAnIncidentReportedOverHttp() throws Exception {
        String description = "楼道噪音 " + System.nanoTime();
        List<JsonNode> events = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("grid-worker")),
                "QUERY", INCIDENTS, "TRIGGER", REPORT, "TRIGGER_VARIABLES", JSON.writeValueAsString(
                        Map.of("d", description)), "TRIGGER_TOKEN", Api.token("resident")));
        assertThat(kinds(events)).startsWith("connected").contains("triggered", "next");
        JsonNode next = event(events, "next");
        assertThat(next.at("/result/data/incidentChanges/description").asText()).isEqualTo(description);
        assertThat(next.at("/result/errors").isMissingNode()).isTrue();
    }

    @Test
    void aSubscriberBackFromADisconnectFirstHearsWhatChangedSinceItsTime() throws Exception {
        String since = OffsetDateTime.now().minusSeconds(1).toString();
        String missed = "断线期间上报 " + System.nanoTime();
        ok(Api.as("resident").gql(REPORT, Map.of("d", missed)));
        String resumed = "subscription($s: DateTime) { incidentChanges(changedSince: $s) { id description } }";
        List<JsonNode> events = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("grid-worker")),
                "QUERY", resumed, "VARIABLES", JSON.writeValueAsString(Map.of("s", since))));
        assertThat(event(events, "next").at("/result/data/incidentChanges/description").asText()).isEqualTo(missed);

        // a resident hears only their own missed reports
        List<JsonNode> other = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("volunteer")),
                "QUERY", resumed, "VARIABLES", JSON.writeValueAsString(Map.of("s", since)), "TIMEOUT_MS", "2000"));
        assertThat(kinds(other)).contains("connected", "timeout").doesNotContain("next", "error");

        List<JsonNode> tooOld = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("grid-worker")),
                "QUERY", resumed, "VARIABLES", JSON.writeValueAsString(
                        Map.of("s", OffsetDateTime.now().minusDays(2).toString()))));
        JsonNode refused = event(tooOld, "next").get("result");
        assertThat(refused.at("/errors/0/extensions/code").asText()).as(refused.toString())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(refused.at("/errors/0/extensions/fields/0/field").asText()).isEqualTo("changedSince");
        assertThat(event(tooOld, "closed").get("code").asInt()).isEqualTo(1000);
    }

    @Test
    void theTokenMayComeAsAuthorizationOrTokenAndTheCommunityAsXCommunity() throws Exception {
        String description = "消防通道堵塞 " + System.nanoTime();
        List<JsonNode> lower = run(Map.of("PARAMS", params("authorization", "Bearer " + Api.token("grid-worker")),
                "QUERY", INCIDENTS, "TRIGGER", REPORT, "TRIGGER_VARIABLES", JSON.writeValueAsString(
                        Map.of("d", description)), "TRIGGER_TOKEN", Api.token("resident")));
        assertThat(event(lower, "next").at("/result/data/incidentChanges/description").asText()).isEqualTo(description);

        // second-admin belongs to demo-second only: addressed there they pass as a member (and learn that the grid
        // module is not enabled there), in changqing-6 they are refused.
        List<JsonNode> own = run(Map.of("PARAMS", params("token", Api.token("second-admin"), "X-Community",
                "demo-second"), "QUERY", INCIDENTS));
        assertThat(event(own, "next").at("/result/errors/0/extensions/code").asText()).isEqualTo("MODULE_DISABLED");
        assertThat(event(own, "closed").get("code").asInt()).isEqualTo(1000);
        List<JsonNode> other = run(Map.of("PARAMS", params("token", Api.token("second-admin"), "X-Community",
                "changqing-6"), "QUERY", INCIDENTS));
        assertThat(event(other, "closed").get("code").asInt()).isEqualTo(4403);
    }

    @Test
    void aCommunityInConnectionParamsCountsWithATokenFromTheUpgradeHeader() throws Exception {
        // The roles are those held in the community the payload addresses, not in the caller's only community.
        List<JsonNode> elsewhere = run(Map.of("HEADER_TOKEN", Api.token("grid-worker"), "PARAMS",
                params("X-Community", "demo-second"), "QUERY", INCIDENTS));
        assertThat(event(elsewhere, "closed").get("code").asInt()).isEqualTo(4403);
        List<JsonNode> own = run(Map.of("HEADER_TOKEN", Api.token("grid-worker"), "PARAMS",
                params("X-Community", "changqing-6"), "QUERY", INCIDENTS, "TIMEOUT_MS", "2000"));
        assertThat(kinds(own)).contains("connected", "timeout").doesNotContain("closed", "error");
        List<JsonNode> twice = run(Map.of("HEADER_TOKEN", Api.token("grid-worker"), "PARAMS",
                params("token", Api.token("grid-worker")), "QUERY", INCIDENTS));
        assertThat(event(twice, "closed").get("code").asInt()).isEqualTo(4400);
    }

    @Test
    void aTokenThatCannotBeVerifiedClosesWith4401() throws Exception {
        String token = Api.token("grid-worker");
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");
        for (String params : List.of(params("Authorization", "Bearer " + tampered), params("token", "not-a-token"),
                params("Authorization", "Bearer "))) {
            List<JsonNode> events = run(Map.of("PARAMS", params, "QUERY", INCIDENTS));
            assertThat(event(events, "closed").get("code").asInt()).as(params).isEqualTo(4401);
            assertThat(kinds(events)).as(params).doesNotContain("next", "connected");
        }
    }

    @Test
    void anAnonymousSubscriberOfAMembersSubscriptionIsClosedWith4401() throws Exception {
        List<JsonNode> events = run(Map.of("QUERY", INCIDENTS, "PARAMS", params("X-Community", "changqing-6")));
        assertThat(kinds(events)).contains("connected").doesNotContain("next");
        assertThat(event(events, "closed").get("code").asInt()).isEqualTo(4401);
    }

    @Test
    void anotherCommunitysResidentIsClosedWith4403() throws Exception {
        List<JsonNode> events = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("second-resident"),
                "X-Community", "changqing-6"), "QUERY", INCIDENTS));
        assertThat(kinds(events)).contains("connected").doesNotContain("next");
        JsonNode closed = event(events, "closed");
        assertThat(closed.get("code").asInt()).isEqualTo(4403);
        assertThat(closed.get("reason").asText()).isEqualTo("Forbidden");
        // ...while in their own community they pass as a member (where the grid module is not enabled).
        List<JsonNode> own = run(Map.of("PARAMS", params("Authorization", "Bearer " + Api.token("second-resident"),
                "X-Community", "demo-second"), "QUERY", INCIDENTS));
        assertThat(event(own, "next").at("/result/errors/0/extensions/code").asText()).isEqualTo("MODULE_DISABLED");
        assertThat(event(own, "closed").get("code").asInt()).isEqualTo(1000);
    }

    @Test
    void aMalformedCommunityInConnectionParamsIsRefusedAsInAHeader() throws Exception {
        List<JsonNode> events = run(Map.of("PARAMS", params("token", Api.token("grid-worker"), "X-Community",
                "Changqing-6 "), "QUERY", INCIDENTS));
        JsonNode error = event(events, "error");
        assertThat(error.at("/errors/0/extensions/code").asText()).isEqualTo("VALIDATION_FAILED");
        assertThat(error.at("/errors/0/extensions/fields/0/field").asText()).isEqualTo("X-Community");
    }

    private static String params(String... pairs) throws Exception {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return JSON.writeValueAsString(params);
    }

    private List<JsonNode> run(Map<String, String> environment) throws Exception {
        Map<String, String> env = new HashMap<>(environment);
        env.put("LINQIN_URL", graphql.toString());
        NodeTools.Result result = NodeTools.node(NodeTools.CONFORMANCE, env, 60, "subscribe.mjs");
        assertThat(result.exitCode()).as(result.output()).isZero();
        List<JsonNode> events = new ArrayList<>();
        for (String line : result.output().split("\n")) {
            if (line.startsWith("{")) {
                events.add(JSON.readTree(line));
            }
        }
        return events;
    }

    private static List<String> kinds(List<JsonNode> events) {
        return events.stream().map(e -> e.get("event").asText()).toList();
    }

    private static JsonNode event(List<JsonNode> events, String kind) {
        return events.stream().filter(e -> e.get("event").asText().equals(kind)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " in " + events));
    }
}
