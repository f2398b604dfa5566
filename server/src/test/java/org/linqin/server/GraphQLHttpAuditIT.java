package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.NodeTools;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server against the GraphQL-over-HTTP audit of the {@code graphql-http} npm package
 * ({@code src/test/node/audit.mjs}): no audit may end in error or warning. Started with
 * {@code LINQIN_CORS_ORIGINS} set, as a deployment would: that origin is allowed, and the embedded profile's localhost
 * default no longer is.
 */
class GraphQLHttpAuditIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServerPassesTheGraphQLOverHttpAuditAndAllowsTheConfiguredOrigins() throws Exception {
        Path dataDir = Files.createTempDirectory("linqin-audit-it");
        int port = PackagedServer.freePort();
        try (PackagedServer server = PackagedServer.start(dataDir, port, "audit",
                Map.of("LINQIN_CORS_ORIGINS", "https://app.example.org,https://admin.example.org"))) {
            server.waitUntilReady();
            NodeTools.Result result = NodeTools.node(NodeTools.CONFORMANCE, Map.of(), 300, "audit.mjs",
                    server.base + "/graphql");
            assertThat(result.exitCode()).as(result.output()).isZero();
            JsonNode audit = JSON.readTree(result.output().substring(result.output().indexOf('{')));
            System.out.printf("graphql-http audit of the packaged server: %d ok, %d notice, %d warn, %d error of %d%n",
                    audit.get("ok").asInt(), audit.get("notice").asInt(), audit.get("warn").asInt(),
                    audit.get("error").asInt(), audit.get("total").asInt());
            assertThat(audit.get("error").asInt()).as(audit.toPrettyString()).isZero();
            assertThat(audit.get("warn").asInt()).as(audit.toPrettyString()).isZero();
            assertThat(audit.get("total").asInt()).isGreaterThan(50);

            assertThat(preflight(server, "https://app.example.org")).contains("https://app.example.org");
            assertThat(preflight(server, "https://admin.example.org")).contains("https://admin.example.org");
            assertThat(preflight(server, "http://localhost:5173")).isEmpty();
            assertThat(preflight(server, "https://app.example.org.evil.example")).isEmpty();
        }
    }

    /** The Access-Control-Allow-Origin of a preflight for a POST with a token from {@code origin}. */
    private static java.util.Optional<String> preflight(PackagedServer server, String origin) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base
                + "/graphql")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, x-community").build(),
                HttpResponse.BodyHandlers.ofString());
        return response.headers().firstValue("Access-Control-Allow-Origin");
    }
}
