package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * GraphQL over WebSocket as graphql-transport-ws asks, from a client's side: messages that break the protocol close
 * the socket with 4400 and a reason, messages over the size limit with 1009, and a well-formed subscription stays
 * open.
 */
@QuarkusTest
class WebSocketProtocolTest {

    private static final String INIT = "{\"type\":\"connection_init\"}";

    @TestHTTPResource("/graphql")
    URI graphql;

    record Outcome(List<String> received, String closed) {
    }

    @Test
    void messagesThatBreakTheProtocolCloseWith4400() throws Exception {
        for (String message : List.of("{\"type\":\"nonsense\"}", "{\"type\":\"subscribe\",\"id\":\"1\"}",
                "{\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { incidentChanges { id } }\"}}",
                "[1,2]", "not json", "{\"type\":\"next\",\"id\":\"1\",\"payload\":{}}")) {
            Outcome outcome = exchange(message);
            assertThat(outcome.received()).as(message).contains("{\"type\":\"connection_ack\"}");
            assertThat(outcome.closed()).as(message).startsWith("4400 ");
        }
    }

    @Test
    void aMessageOverTheLimitClosesWith1009() throws Exception {
        String big = "{\"type\":\"ping\",\"payload\":{\"x\":\"" + "x".repeat(300_000) + "\"}}";
        assertThat(exchange(big).closed()).startsWith("1009 ");
    }

    @Test
    void aWellFormedSubscriptionStaysOpen() throws Exception {
        Outcome outcome = exchange("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":"
                + "\"subscription { incidentChanges { id state } }\"}}");
        assertThat(outcome.closed()).isNull();
    }

    /** Connects as a grid worker of changqing-6, initialises, sends {@code message} and waits for the close. */
    private Outcome exchange(String message) throws Exception {
        List<String> received = new CopyOnWriteArrayList<>();
        CompletableFuture<String> closed = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Api.token("grid-worker"))
                .subprotocols("graphql-transport-ws")
                .buildAsync(URI.create(graphql.toString().replaceFirst("^http", "ws")), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket ws, int code, String reason) {
                        closed.complete(code + " " + reason);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        closed.complete("error " + error);
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText(INIT, true).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (received.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        socket.sendText(message, true).get(10, TimeUnit.SECONDS);
        try {
            return new Outcome(received, closed.get(3, TimeUnit.SECONDS));
        } catch (TimeoutException stillOpen) {
            socket.abort();
            return new Outcome(received, null);
        }
    }
}
