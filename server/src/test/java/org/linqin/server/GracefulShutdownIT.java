package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.linqin.server.embedded.EmbeddedDatabase;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a replica does on SIGTERM, as Kubernetes sends it during a rolling update (the Helm chart relies on it): it
 * closes its WebSockets with 1001 going away so subscribers reconnect elsewhere, refuses new work with 503, finishes
 * the request in flight and then exits, well within the shutdown timeout.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void onSigtermTheRequestInFlightFinishesAndWebSocketsGoAway() throws Exception {
        // The database outlives the replica, as on Kubernetes (the embedded one would stop with the server's JVM).
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("linqin-shutdown-pg"));
        Map<String, String> db = database.datasourceConfig();
        int port = PackagedServer.freePort();
        PackagedServer server = PackagedServer.start(Files.createTempDirectory("linqin-shutdown-it"), port, "shutdown",
                "-Dquarkus.datasource.jdbc.url=" + db.get("quarkus.datasource.jdbc.url"),
                "-Dquarkus.datasource.username=postgres",
                "-Dquarkus.datasource.password=" + db.get("quarkus.datasource.password"),
                "-Dlinqin.embedded=true", "-Dquarkus.shutdown.timeout=30s");
        try {
            server.waitUntilReady();
            String token = server.token("grid-worker");
            Subscriber subscriber = Subscriber.open(http, port, token);
            Socket inFlight = new Socket("localhost", port);

            // A request in flight: its headers and half of its body are sent, the rest only after SIGTERM.
            byte[] body = JSON.writeValueAsBytes(Map.of("query", "{ me { username } }"));
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nContent-Type: application/json\r\n"
                    + "Authorization: Bearer " + token + "\r\nConnection: close\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            Thread.sleep(500);

            long sigterm = System.nanoTime();
            server.process.destroy();

            int[] close = subscriber.closed.get(10, TimeUnit.SECONDS);
            long goneAwayMs = (System.nanoTime() - sigterm) / 1_000_000;
            assertThat(close[0]).as("close code").isEqualTo(1001);
            assertThat(subscriber.closeReason).contains("reconnect");

            // New work is refused while the request in flight holds the server open.
            assertThat(server.get("/q/health/ready").statusCode()).isEqualTo(503);
            assertThat(handshakeStatus(() -> Subscriber.open(http, port, token))).as("a new WebSocket").isEqualTo(503);

            Thread.sleep(2000);
            assertThat(server.process.isAlive()).as("still waiting for the request in flight 2.5 s after SIGTERM")
                    .isTrue();
            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            inFlight.setSoTimeout(20_000);
            InputStream in = inFlight.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            inFlight.close();
            assertThat(response).startsWith("HTTP/1.1 200").contains("\"username\":\"grid-worker\"");

            // Quarkus counts a WebSocket upgrade as a request in flight for good, so a replica that served one waits
            // out its whole shutdown timeout (30 s) before it exits; it must not wait longer.
            assertThat(server.process.waitFor(45, TimeUnit.SECONDS)).as("exits within the shutdown timeout").isTrue();
            long exitMs = (System.nanoTime() - sigterm) / 1_000_000;
            System.out.printf("SIGTERM: WebSocket closed with 1001 after %d ms; the request in flight finished after "
                    + "the client's 2.5 s pause; the server exited %d ms after SIGTERM%n", goneAwayMs, exitMs);
        } finally {
            server.close();
            database.close();
        }
    }

    /** The HTTP status with which a WebSocket upgrade was refused. */
    private static int handshakeStatus(org.assertj.core.api.ThrowableAssert.ThrowingCallable open) {
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(open);
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
        }
        throw new AssertionError("the upgrade was not refused", failure);
    }

    /** A graphql-transport-ws client subscribed to incidentChanges that records how the server closes it. */
    static final class Subscriber implements WebSocket.Listener {
        final CompletableFuture<int[]> closed = new CompletableFuture<>();
        final CompletableFuture<String> acknowledged = new CompletableFuture<>();
        volatile String closeReason;

        static Subscriber open(HttpClient http, int port, String token) throws Exception {
            Subscriber subscriber = new Subscriber();
            WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                    .subprotocols("graphql-transport-ws").connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://localhost:" + port + "/graphql"), subscriber).get(10, TimeUnit.SECONDS);
            socket.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get();
            assertThat(subscriber.acknowledged.get(10, TimeUnit.SECONDS)).contains("connection_ack");
            socket.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { "
                    + "incidentChanges { id state } }\"}}", true).get();
            Thread.sleep(300);
            return subscriber;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            acknowledged.complete(data.toString());
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closed.complete(new int[] {statusCode});
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.completeExceptionally(error);
        }
    }
}
