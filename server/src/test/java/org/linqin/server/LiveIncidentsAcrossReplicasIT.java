package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.linqin.server.embedded.EmbeddedDatabase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Two server processes on one database: an incident reported through one reaches, within a second, a subscriber
 * (graphql-transport-ws) connected to the other; a resident subscriber does not receive others' reports.
 */
class LiveIncidentsAcrossReplicasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anIncidentReportedOnOneReplicaReachesSubscribersOfTheOther() throws Exception {
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("linqin-replicas-pg"));
        List<Process> servers = new ArrayList<>();
        try {
            int portA = freePort();
            int portB = freePort();
            servers.add(start(database, portA, true, "replica-a"));
            waitReady(portA, servers.get(0));
            servers.add(start(database, portB, false, "replica-b"));
            waitReady(portB, servers.get(1));

            Subscriber staff = Subscriber.open(http, portA, token(portA, "grid-worker"));
            Subscriber resident = Subscriber.open(http, portA, token(portA, "volunteer"));

            String residentToken = token(portB, "resident");
            // a first report warms replica B up (its first request pays for class loading and JIT)
            report(portB, residentToken, "预热");
            assertThat(staff.next(Duration.ofSeconds(10))).isNotNull();

            long reported = System.nanoTime();
            String id = report(portB, residentToken, "跨实例测试");
            JsonNode received = staff.next(Duration.ofSeconds(1));
            long millis = (System.nanoTime() - reported) / 1_000_000;
            assertThat(received).as("the staff subscriber on replica A within 1 s").isNotNull();
            assertThat(received.at("/payload/data/incidentChanges/id").asText()).as(received.toString()).isEqualTo(id);
            System.out.printf("Incident reported on replica B reached a subscriber on replica A in %d ms%n", millis);

            assertThat(resident.next(Duration.ofSeconds(2))).as("a resident sees no one else's report").isNull();
            String own = report(portB, token(portB, "volunteer"), "自己的上报");
            JsonNode ownReceived = resident.next(Duration.ofSeconds(2));
            assertThat(ownReceived).isNotNull();
            assertThat(ownReceived.at("/payload/data/incidentChanges/id").asText()).isEqualTo(own);
            staff.close();
            resident.close();

            // module rows are kept per replica until a change is told: disabling on A reaches B
            String notices = "{ notices { totalCount } }";
            String residentB = token(portB, "resident");
            assertThat(gql(portB, residentB, notices).has("errors")).isFalse(); // B now keeps the rows
            String admin = token(portA, "admin");
            String toggle = "mutation($m: String!) { %s(community: \"changqing-6\", module: $m) { enabled } }";
            assertThat(gql(portA, admin, String.format(toggle, "disableModule"), Map.of("m", "notice-board"))
                    .has("errors")).isFalse();
            long disabled = System.nanoTime();
            String code = "";
            while (System.nanoTime() - disabled < Duration.ofSeconds(5).toNanos() && !code.equals("MODULE_DISABLED")) {
                code = gql(portB, residentB, notices).at("/errors/0/extensions/code").asText();
            }
            assertThat(code).as("replica B learns that the module was disabled on A").isEqualTo("MODULE_DISABLED");
            System.out.printf("A module disabled on replica A was disabled on replica B within %d ms%n",
                    (System.nanoTime() - disabled) / 1_000_000);
            assertThat(gql(portA, admin, String.format(toggle, "enableModule"), Map.of("m", "notice-board"))
                    .has("errors")).isFalse();
        } finally {
            for (Process server : servers) {
                server.destroy();
                server.waitFor(30, TimeUnit.SECONDS);
            }
            database.close();
        }
    }

    private Process start(EmbeddedDatabase database, int port, boolean seed, String name) throws IOException {
        String jar = System.getProperty("linqin.server.jar", "target/quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Map<String, String> db = database.datasourceConfig();
        List<String> command = new ArrayList<>(List.of(java, "-Dquarkus.profile=embedded", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=" + db.get("quarkus.datasource.password"),
                "-Dlinqin.embedded=" + seed, "-Dlinqin.dev-issuer.grants-file=target/" + name + "-grants.json"));
        command.addAll(List.of("-jar", jar));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", name + ".log").toFile()).start();
    }

    private void waitReady(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server on " + port + " is running").isTrue();
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("server on " + port + " not ready");
    }

    private String token(int port, String user) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body).get("access_token").asText();
    }

    private JsonNode gql(int port, String token, String query) throws Exception {
        return gql(port, token, query, Map.of());
    }

    private JsonNode gql(int port, String token, String query, Map<String, Object> variables) throws Exception {
        String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                        "variables", variables)))).build(), HttpResponse.BodyHandlers.ofString()).body();
        return JSON.readTree(body);
    }

    private String report(int port, String token, String description) throws Exception {
        String query = "mutation { reportIncident(input: {category: \"safety\", description: \"" + description
                + "\"}) { id } }";
        String body = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query)))).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        JsonNode answer = JSON.readTree(body);
        assertThat(answer.has("errors")).as(body).isFalse();
        return answer.at("/data/reportIncident/id").asText();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A graphql-transport-ws client subscribed to incidentChanges. */
    static final class Subscriber implements WebSocket.Listener {
        private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private WebSocket socket;

        static Subscriber open(HttpClient http, int port, String token) throws Exception {
            Subscriber subscriber = new Subscriber();
            subscriber.socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .subprotocols("graphql-transport-ws")
                    .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), subscriber).get(10, TimeUnit.SECONDS);
            subscriber.socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
            JsonNode ack = subscriber.messages.poll(10, TimeUnit.SECONDS);
            assertThat(ack).as("connection_ack").isNotNull();
            assertThat(ack.get("type").asText()).isEqualTo("connection_ack");
            subscriber.socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                    + "incidentChanges { id category state } }\"}}", true).get();
            Thread.sleep(500); // let the subscription register before anything is reported
            return subscriber;
        }

        JsonNode next(Duration wait) throws InterruptedException {
            JsonNode message = messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (message != null && !"next".equals(message.path("type").asText())) {
                throw new AssertionError("unexpected message " + message);
            }
            return message;
        }

        void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
