package org.linqin.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The packaged server ({@code quarkus-run.jar}) as a child process in the embedded profile, called over HTTP as a
 * client would. Stopped with SIGTERM like an operator would, or killed with SIGKILL to test crashes.
 */
public final class PackagedServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final Process process;
    public final Path log;
    public final String name;
    public final String base;
    private final long startedAt = System.nanoTime();

    private PackagedServer(Process process, Path log, String name, int port) {
        this.process = process;
        this.log = log;
        this.name = name;
        this.base = "http://localhost:" + port;
    }

    /** Starts the server with the embedded PostgreSQL in {@code dataDir}; {@code options} are extra -D settings. */
    public static PackagedServer start(Path dataDir, int port, String name, String... options) throws IOException {
        return start(dataDir, port, name, Map.of(), options);
    }

    /** As {@link #start(Path, int, String, String...)}, with extra environment variables. */
    public static PackagedServer start(Path dataDir, int port, String name, Map<String, String> environment,
            String... options) throws IOException {
        return start("embedded", dataDir, port, name, environment, options);
    }

    /**
     * The server in its production profile as an operator runs it next to Keycloak ({@code keycloakUrl}, realm
     * {@code linqin}, the development realm's API client secret), with the embedded PostgreSQL asked for
     * ({@code LINQIN_EMBEDDED_DATABASE}), which also seeds the demo communities. Tokens come from Keycloak only.
     */
    public static PackagedServer startWithKeycloak(Path dataDir, int port, String name, String keycloakUrl)
            throws IOException {
        return start("prod", dataDir, port, name, Map.of("LINQIN_KEYCLOAK_URL", keycloakUrl,
                "LINQIN_API_CLIENT_SECRET", "linqin-dev-secret", "LINQIN_EMBEDDED_DATABASE", "true"),
                "-Dquarkus.log.console.json.enabled=false");
    }

    /**
     * One replica of several: the production profile next to Keycloak, on a PostgreSQL shared with the others
     * ({@code datasource}: the {@code quarkus.datasource.*} settings, and {@code linqin.embedded} where this replica
     * is to seed the demo communities).
     */
    public static PackagedServer startReplica(Map<String, String> datasource, int port, String name,
            String keycloakUrl, String... options) throws IOException {
        List<String> settings = new ArrayList<>();
        datasource.forEach((key, value) -> settings.add("-D" + key + "=" + value));
        settings.add("-Dquarkus.log.console.json.enabled=false");
        settings.addAll(List.of(options));
        return start("prod", Path.of("target", name + "-data").toAbsolutePath(), port, name,
                Map.of("LINQIN_KEYCLOAK_URL", keycloakUrl, "LINQIN_API_CLIENT_SECRET", "linqin-dev-secret"),
                settings.toArray(String[]::new));
    }

    private static PackagedServer start(String profile, Path dataDir, int port, String name,
            Map<String, String> environment, String... options) throws IOException {
        String jar = System.getProperty("linqin.server.jar", "target/quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "embedded-server-" + name + ".log");
        // Quarkus counts a WebSocket upgrade as in flight until the shutdown timeout, so a server that served one
        // waits it out when stopped: the tests stop theirs sooner unless an option sets it (the last -D counts).
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.profile=" + profile,
                "-Dquarkus.http.port=" + port, "-Dlinqin.data-dir=" + dataDir, "-Dquarkus.shutdown.timeout=5s"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().remove("QUARKUS_DATASOURCE_JDBC_URL");
        builder.environment().putAll(environment);
        return new PackagedServer(builder.start(), log, name, port);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Waits until ready; returns the milliseconds from start. */
    public long waitUntilReady() throws Exception {
        while (System.nanoTime() - startedAt < Duration.ofSeconds(120).toNanos()) {
            if (!process.isAlive()) {
                throw new AssertionError("server exited early; see " + log);
            }
            try {
                if (get("/q/health/ready").statusCode() == 200) {
                    long ms = (System.nanoTime() - startedAt) / 1_000_000;
                    System.out.printf("Packaged server (%s) ready in %d ms%n", name, ms);
                    return ms;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server not ready within 120 s; see " + log);
    }

    public String token(String username) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(username,
                        StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    /** A GraphQL request that must succeed without errors. */
    public JsonNode graphql(String token, String query) throws Exception {
        JsonNode body = tryGraphql(token, query, Map.of());
        assertThat(body.has("errors")).as(body.toString()).isFalse();
        return body;
    }

    /** A GraphQL request whose answer is returned as it is (IOException when the server is gone). */
    public JsonNode tryGraphql(String token, String query, Map<String, Object> variables) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables))))
                .build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** SIGKILL of the server process alone: its PostgreSQL is left running, as after a crash of the JVM. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("server did not stop within 60 s on SIGTERM; see " + log);
        }
    }
}
