package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.linqin.server.support.KeycloakResource;
import org.linqin.server.support.NodeTools;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The mini-program client kit ({@code clients/wechat-miniprogram}) as a mini-program runs it, under Node.js with a
 * stand-in of the {@code wx} API (server/src/test/node/wx.mjs: wx.request over fetch, wx.connectSocket over ws),
 * against the packaged server in its production profile and a real Keycloak. Until a test signs in through the
 * WeChat code grant, tokens come from the password grant of the test-only clients and are put into the kit's token
 * store; the sign-in case runs against the grant and is skipped, saying why, where Keycloak has none.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MiniProgramClientIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final KeycloakResource KEYCLOAK = new KeycloakResource();
    private static String keycloakUrl;
    private static Path dataDir;
    private static int port;
    private static PackagedServer server;

    @BeforeAll
    static void start() throws Exception {
        keycloakUrl = KEYCLOAK.start().get("linqin.keycloak.url");
        dataDir = Files.createTempDirectory("linqin-miniprogram-it");
        port = PackagedServer.freePort();
        server = PackagedServer.startWithKeycloak(dataDir, port, "miniprogram", keycloakUrl);
        server.waitUntilReady();
        NodeTools.install(NodeTools.CONFORMANCE);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            KEYCLOAK.stop();
        }
    }

    @Test
    @Order(1)
    void everyRequestCarriesTheTokenTheCommunityAndTheLanguage() throws Exception {
        JsonNode facts = run("community", Map.of());
        assertThat(facts.at("/home/username").asText()).isEqualTo("resident");
        assertThat(facts.at("/home/community").asText()).isEqualTo("changqing-6");
        assertThat(texts(facts.at("/home/roles"))).containsExactly("resident");
        // Switched to a community where the resident holds no role: me answers there, members' data does not.
        assertThat(facts.at("/away/community").asText()).isEqualTo("demo-second");
        assertThat(texts(facts.at("/away/roles"))).isEmpty();
        assertThat(texts(facts.at("/awayErrors"))).containsExactly("FORBIDDEN");
        assertThat(facts.at("/awayMessage").asText()).as("Accept-Language zh-CN").containsPattern("\\p{IsHan}");
        List<String> sent = new ArrayList<>();
        facts.at("/headers").forEach(h -> sent.add(h.get("community").asText() + "|" + h.get("language").asText()
                + "|" + h.get("bearer").asBoolean()));
        assertThat(sent).first().isEqualTo("changqing-6|en|true");
        assertThat(sent).last().isEqualTo("demo-second|zh-CN|true");
        assertThat(sent).allSatisfy(h -> assertThat(h).endsWith("|true"));
    }

    @Test
    @Order(2)
    void operationsTravelByHashAndTheDocumentOnlyOnce() throws Exception {
        JsonNode facts = run("persisted", Map.of());
        String hash = facts.at("/expectedHash").asText();
        JsonNode first = facts.at("/first");
        assertThat(first).hasSize(3);
        assertThat(first.get(0).get("hasQuery").asBoolean()).isFalse();
        assertThat(first.get(0).get("hash").asText()).as("the kit's SHA-256 of a document with Chinese text")
                .isEqualTo(hash);
        assertThat(first.get(0).get("code").asText()).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(first.get(1).get("hasQuery").asBoolean()).isTrue();
        assertThat(first.get(1).get("hash").asText()).isEqualTo(hash);
        assertThat(first.get(1).get("hasData").asBoolean()).isTrue();
        assertThat(first.get(2).get("hasQuery").asBoolean()).as("the same client, the second time").isFalse();
        assertThat(first.get(2).get("hasData").asBoolean()).isTrue();
        // Another client (another caller) finds the document registered: one request, by hash alone.
        JsonNode second = facts.at("/second");
        assertThat(second).hasSize(1);
        assertThat(second.get(0).get("hasQuery").asBoolean()).isFalse();
        assertThat(second.get(0).get("hasData").asBoolean()).isTrue();
        assertThat(texts(facts.at("/answers"))).containsExactly("2", "2", "2");
    }

    @Test
    @Order(3)
    void theBundledSha256IsNodesSha256() throws Exception {
        JsonNode facts = run("sha256", Map.of());
        assertThat(facts.get("total").asInt()).isEqualTo(3000);
        assertThat(facts.get("mismatches").asInt()).isZero();
        assertThat(facts.get("manifest").asInt()).isPositive();
        assertThat(facts.get("manifestMismatches").asInt()).isZero();
    }

    @Test
    @Order(4)
    void anExpiredTokenIsRefreshedOnceForSeveralRequestsAndTheRotatedRefreshTokenKept() throws Exception {
        JsonNode facts = run("refresh", Map.of());
        JsonNode expiry = facts.get("afterExpiry");
        assertThat(expiry.get("refusedBefore").asInt()).as("the injected token has expired at the server")
                .isEqualTo(401);
        assertThat(expiry.get("refreshes").asInt()).as("one refresh for three requests").isEqualTo(1);
        assertThat(texts(expiry.get("usernames"))).containsExactly("resident", "resident", "resident");
        assertThat(expiry.get("storedRefreshChanged").asBoolean()).isTrue();
        assertThat(expiry.get("storedIsTheAnswers").asBoolean()).isTrue();
        assertThat(expiry.get("sentWithTheNewToken").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(expiry.get("sentWithTheOldToken").asInt()).isZero();
        // Refused with 401 before its expiry: one refresh, each request sent again once.
        JsonNode refused = facts.get("after401");
        assertThat(refused.get("refreshes").asInt()).isEqualTo(1);
        assertThat(texts(refused.get("statuses"))).containsExactlyInAnyOrder("401", "401", "200", "200");
        assertThat(texts(refused.get("usernames"))).containsExactly("resident", "resident");
    }

    @Test
    @Order(5)
    void aSocketClosedAsItsTokenExpiresIsOpenedAgainWithAFreshToken() throws Exception {
        JsonNode facts = run("expiry", Map.of());
        assertThat(facts.get("again").asBoolean()).as(facts.toString()).isTrue();
        assertThat(texts(facts.get("closes"))).first().isEqualTo("1008");
        assertThat(facts.get("connected").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(facts.get("refreshes").asInt()).isPositive();
        assertThat(facts.get("tokensOfSockets").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(texts(facts.get("heard"))).as("subscribed again on the new socket")
                .contains(facts.get("description").asText());
    }

    @Test
    @Order(6)
    void aSubscriberHearsAnIncidentReportedOverHttp() throws Exception {
        JsonNode facts = run("subscription", Map.of());
        assertThat(facts.at("/errors").isMissingNode() || facts.at("/errors").isNull()).as(facts.toString()).isTrue();
        assertThat(facts.at("/reported/state").asText()).isEqualTo("REPORTED");
        assertThat(texts(facts.get("heard"))).contains(facts.get("description").asText());
        assertThat(facts.get("protocol").asText()).isEqualTo("graphql-transport-ws");
        assertThat(facts.at("/upgradeHeader/Accept-Language").asText()).isEqualTo("zh-CN");
        assertThat(facts.at("/upgradeHeader/Authorization").isMissingNode()).as("the token goes in connection_init")
                .isTrue();
        assertThat(facts.at("/init/type").asText()).isEqualTo("connection_init");
        assertThat(facts.at("/init/payload/Authorization").asText()).startsWith("Bearer ey");
        assertThat(facts.at("/init/payload/X-Community").asText()).isEqualTo("changqing-6");
        assertThat(facts.get("pongs").asInt()).isEqualTo(facts.get("pings").asInt());
    }

    @Test
    @Order(7)
    void aTokenTheServerCannotVerifyClosesWith4401AndTheKitRecoversOrStops() throws Exception {
        JsonNode facts = run("unauthorized", Map.of());
        JsonNode recovering = facts.get("recovering");
        assertThat(texts(recovering.get("closes"))).containsExactly("4401");
        assertThat(recovering.get("refreshes").asInt()).isEqualTo(1);
        assertThat(recovering.get("connected").asInt()).as("connected again with the refreshed token").isEqualTo(1);
        assertThat(recovering.get("heard").findValues("error")).isEmpty();

        JsonNode lost = facts.get("lost");
        assertThat(texts(lost.get("closes"))).containsExactly("4401");
        assertThat(lost.get("sockets").asInt()).as("no connecting again without a session").isEqualTo(1);
        assertThat(lost.get("connected").asInt()).isZero();
        assertThat(lost.get("signedOut").asBoolean()).isTrue();
        assertThat(lost.get("tokensLeft").asBoolean()).isFalse();
        assertThat(lost.at("/heard/0/error/code").asText()).isEqualTo("invalid_grant");

        JsonNode stranger = facts.get("stranger");
        assertThat(texts(stranger.get("closes"))).containsExactly("4401", "4401");
        assertThat(stranger.get("sockets").asInt()).isEqualTo(2);
        assertThat(stranger.at("/heard/0/error/code").asText()).isEqualTo("SOCKET_CLOSED");
        assertThat(stranger.at("/heard/0/error/closeCode").asInt()).isEqualTo(4401);
    }

    @Test
    @Order(8)
    void theExamplePagesOperationsValidateAgainstTheSchema() throws Exception {
        JsonNode facts = run("pages", Map.of());
        assertThat(texts(facts.get("operations"))).contains("Me", "Community", "ReportIncident", "Mine",
                "IncidentChanges");
        assertThat(facts.get("problems").size()).as(facts.get("problems").toString()).isZero();
        assertThat(facts.get("scripts").asInt()).isGreaterThanOrEqualTo(7);
        assertThat(facts.get("unparsable")).isEmpty();
    }

    @Test
    @Order(9)
    void signInWithWxLoginThroughKeycloaksWeChatGrant() throws Exception {
        JsonNode facts = run("signin", Map.of());
        Assumptions.assumeFalse(facts.has("skipped"), () -> facts.get("skipped").asText());
        String username = "wechat-dev-openid-" + facts.get("key").asText();
        assertThat(facts.at("/me1/username").asText()).isEqualTo(username);
        assertThat(facts.at("/meAfterRefresh/subject").asText()).isEqualTo(facts.at("/me1/subject").asText());
        assertThat(facts.get("rotated").asBoolean()).as("refresh rotation: a new refresh token stored").isTrue();
        assertThat(facts.get("revokeStatus").asInt()).isEqualTo(200);
        assertThat(facts.get("afterSignOut").asText()).as("the revoked refresh token").isEqualTo("invalid_grant");
        assertThat(facts.at("/me2/subject").asText()).as("the same WeChat user, signed in again")
                .isEqualTo(facts.at("/me1/subject").asText());
        assertThat(facts.at("/replay/code").asText()).isEqualTo("invalid_grant");
        assertThat(facts.at("/replay/status").asInt()).isEqualTo(400);
    }

    /** Last: the server is restarted under the subscriber, who connects again and hears what is reported after. */
    @Test
    @Order(10)
    void theKitConnectsAgainAfterTheServerWentAway() throws Exception {
        Path signal = Files.createTempFile("linqin-miniprogram", ".signal");
        CompletableFuture<JsonNode> client = CompletableFuture.supplyAsync(() -> {
            try {
                return run("restart", Map.of("SIGNAL_FILE", signal.toString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (Files.size(signal) == 0 && System.nanoTime() < deadline && !client.isDone()) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(signal, StandardCharsets.UTF_8)).as("the client subscribed").isEqualTo("subscribed");
        server.close();
        server = PackagedServer.startWithKeycloak(dataDir, port, "miniprogram-restarted", keycloakUrl);
        server.waitUntilReady();
        JsonNode facts = client.get(200, TimeUnit.SECONDS);
        assertThat(facts.get("closes")).isNotEmpty();
        assertThat(facts.get("reconnecting").asInt()).isPositive();
        assertThat(texts(facts.get("connected"))).startsWith("false").endsWith("true");
        assertThat(facts.get("subscribes").get(facts.get("subscribes").size() - 1).asInt())
                .as("subscribed again on the new socket").isEqualTo(1);
        assertThat(texts(facts.get("heard"))).contains(facts.get("description").asText());
        System.out.printf("Mini-program kit: closed with %s, reconnect attempts %d while the server restarted%n",
                facts.get("closes"), facts.get("reconnecting").asInt());
    }

    private static JsonNode run(String scenario, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("SCENARIO", scenario);
        env.put("LINQIN_URL", server.base + "/graphql");
        env.put("KEYCLOAK_URL", keycloakUrl);
        NodeTools.Result result = NodeTools.node(NodeTools.CONFORMANCE, env, 190, "miniprogram.mjs");
        JsonNode facts = null;
        for (String line : result.output().split("\n")) {
            if (line.startsWith("{\"scenario\"")) {
                facts = JSON.readTree(line);
            }
        }
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(facts).as(result.output()).isNotNull();
        return facts;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
