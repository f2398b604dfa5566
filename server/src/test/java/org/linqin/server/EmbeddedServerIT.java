package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The README run path end to end: the packaged server ({@code quarkus-run.jar}) started as a process in the
 * embedded profile with no database URL. It starts its own PostgreSQL, seeds the demo communities, serves GraphQL,
 * GraphiQL, health and metrics, hands out demo tokens, and keeps its data across a restart.
 */
class EmbeddedServerIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theEmbeddedDefaultServesTheDemoCommunityAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("linqin-embedded-it");
        int port = freePort();
        String base = "http://localhost:" + port;
        String compoundName = "重启测试-" + UUID.randomUUID();
        String compoundId;

        try (Server server = Server.start(dataDir, port, "first")) {
            waitUntilReady(base, server);
            assertThat(get(base + "/q/health").body()).contains("\"status\": \"UP\"").contains("Database connections");
            assertThat(get(base + "/q/metrics").body()).contains("jvm_memory_used_bytes");
            assertThat(get(base + "/q/graphql-ui/").statusCode()).isEqualTo(200);

            String token = token(base, "community-admin");
            JsonNode community = graphql(base, token, "{ community { code compounds { totalCount } } }");
            assertThat(community.at("/data/community/code").asText()).isEqualTo("changqing-6");
            JsonNode created = graphql(base, token, "mutation { createCompound(input: {name: \"" + compoundName
                    + "\"}) { id } }");
            compoundId = created.at("/data/createCompound/id").asText();
            assertThat(compoundId).isNotEmpty();
        }

        try (Server server = Server.start(dataDir, port, "second")) {
            waitUntilReady(base, server);
            String token = token(base, "community-admin");
            JsonNode compound = graphql(base, token, "{ compound(id: " + compoundId + ") { name } }");
            assertThat(compound.at("/data/compound/name").asText()).isEqualTo(compoundName);
            JsonNode communities = graphql(base, token, "{ communities { totalCount } }");
            assertThat(communities.at("/data/communities/totalCount").asInt()).as("seeded once only").isEqualTo(2);
        }
    }

    private void waitUntilReady(String base, Server server) throws Exception {
        long started = System.nanoTime();
        while (System.nanoTime() - started < Duration.ofSeconds(120).toNanos()) {
            if (!server.process.isAlive()) {
                throw new AssertionError("server exited early; see " + server.log);
            }
            try {
                if (get(base + "/q/health/ready").statusCode() == 200) {
                    System.out.printf("Embedded server (%s start) ready in %d ms, embedded PostgreSQL included%n",
                            server.name, (System.nanoTime() - server.startedAt) / 1_000_000);
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not ready within 120 s; see " + server.log);
    }

    private String token(String base, String username) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private JsonNode graphql(String base, String token, String query) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query))))
                .build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.has("errors")).as(response.body()).isFalse();
        return body;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The packaged server as a child process, stopped with SIGTERM like an operator would. */
    private static final class Server implements AutoCloseable {
        final Process process;
        final Path log;
        final String name;
        final long startedAt = System.nanoTime();

        private Server(Process process, Path log, String name) {
            this.process = process;
            this.log = log;
            this.name = name;
        }

        static Server start(Path dataDir, int port, String name) throws IOException {
            String jar = System.getProperty("linqin.server.jar", "target/quarkus-app/quarkus-run.jar");
            String java = ProcessHandle.current().info().command().orElse("java");
            Path log = Path.of("target", "embedded-server-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dquarkus.profile=embedded",
                    "-Dquarkus.http.port=" + port, "-Dlinqin.data-dir=" + dataDir, "-jar", jar))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
            return new Server(builder.start(), log, name);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("server did not stop within 60 s on SIGTERM; see " + log);
            }
        }
    }
}
