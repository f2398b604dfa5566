package org.linqin.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A subscriber of {@code incidentChanges} that behaves as the client guide asks of a front-end: on a close (1001 going
 * away from a replica that stops, or a lost connection) it reconnects with backoff and subscribes again with
 * {@code changedSince} a little before the connection was lost, so the server sends what it missed before the live
 * changes. It remembers the highest version it has seen of every incident.
 */
public final class IncidentFeed implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** How far before the loss the catch-up starts: a change committed just before it may not have been pushed. */
    private static final Duration CATCH_UP_MARGIN = Duration.ofSeconds(5);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String community;
    private final Supplier<String> token;
    private final ScheduledExecutorService reconnects = Executors.newSingleThreadScheduledExecutor();
    private final Map<String, Integer> versions = new ConcurrentHashMap<>();
    private final List<Long> reconnectMillis = Collections.synchronizedList(new ArrayList<>());
    private final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    private final List<String> history = Collections.synchronizedList(new ArrayList<>());
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> firstAck = new CompletableFuture<>();
    private volatile WebSocket socket;
    private volatile boolean closing;
    private volatile boolean connected;
    private volatile Instant lostAt;
    private volatile long lostNanos;
    private volatile int attempt;

    private IncidentFeed(String base, String community, Supplier<String> token) {
        this.base = base;
        this.community = community;
        this.token = token;
    }

    /** Connects through {@code base} (http://host:port) and returns once the first subscription is acknowledged. */
    public static IncidentFeed open(String base, String community, Supplier<String> token) throws Exception {
        IncidentFeed feed = new IncidentFeed(base, community, token);
        feed.reconnects.execute(feed::connect);
        feed.firstAck.get(30, TimeUnit.SECONDS);
        return feed;
    }

    private void connect() {
        if (closing) {
            return;
        }
        try {
            WebSocket opened = http.newWebSocketBuilder().header("Authorization", "Bearer " + token.get())
                    .header("X-Community", community).subprotocols("graphql-transport-ws")
                    .connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create(base.replaceFirst("^http", "ws") + "/graphql"), this)
                    .get(10, TimeUnit.SECONDS);
            opened.sendText("{\"type\":\"connection_init\",\"payload\":{}}", true).get(5, TimeUnit.SECONDS);
            reconnects.schedule(() -> {
                if (opened == socket && !connected) {
                    dropped(opened, "no connection_ack within 5 s");
                }
            }, 5, TimeUnit.SECONDS);
        } catch (Exception e) {
            dropped(socket, "could not connect: " + e);
        }
    }

    /** The current socket is gone (or never came): remember when, if it had been connected, and try again. */
    private synchronized void dropped(WebSocket gone, String why) {
        if (closing || gone != socket) {
            return; // an old socket, already replaced
        }
        socket = null;
        if (gone != null) {
            gone.abort();
        }
        history.add(Instant.now() + " dropped: " + why);
        if (connected) {
            connected = false;
            lostAt = Instant.now();
            lostNanos = System.nanoTime();
        } else if (!firstAck.isDone() && attempt > 20) {
            firstAck.completeExceptionally(new IllegalStateException("never connected: " + why));
        }
        long backoff = Math.min(2000, 100L << Math.min(attempt++, 5));
        reconnects.schedule(this::connect, attempt == 1 ? 0 : backoff, TimeUnit.MILLISECONDS);
    }

    private synchronized void acknowledged(WebSocket acknowledgedSocket) {
        if (acknowledgedSocket != socket) {
            return;
        }
        Map<String, Object> payload = new HashMap<>();
        payload.put("query", "subscription($since: DateTime) { incidentChanges(changedSince: $since) { id version } }");
        payload.put("variables",
                lostAt == null ? Map.of() : Map.of("since", lostAt.minus(CATCH_UP_MARGIN).toString()));
        try {
            acknowledgedSocket.sendText(JSON.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload",
                    payload)), true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        connected = true;
        attempt = 0;
        if (lostAt == null) {
            firstAck.complete(null);
        } else {
            reconnectMillis.add((System.nanoTime() - lostNanos) / 1_000_000);
        }
        history.add(Instant.now() + " subscribed" + (lostAt == null ? "" : " with changedSince " + payload));
    }

    private void seen(JsonNode incident) {
        versions.merge(incident.get("id").asText(), incident.get("version").asInt(), Math::max);
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                JsonNode message = JSON.readTree(partial.toString());
                switch (message.path("type").asText()) {
                    case "connection_ack" -> acknowledged(webSocket);
                    case "next" -> {
                        JsonNode incident = message.at("/payload/data/incidentChanges");
                        if (incident.isObject()) {
                            seen(incident);
                        } else {
                            problems.add("unexpected payload " + message);
                        }
                    }
                    case "ping" -> webSocket.sendText("{\"type\":\"pong\"}", true);
                    case "pong" -> {
                    }
                    default -> problems.add("unexpected message " + message);
                }
            } catch (IOException e) {
                problems.add("unreadable message " + partial);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        dropped(webSocket, "closed " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        dropped(webSocket, "error " + error);
    }

    /** The highest version seen of each incident, by id. */
    public Map<String, Integer> versions() {
        return Map.copyOf(versions);
    }

    /** Milliseconds from each loss of the connection until it was subscribed again. */
    public List<Long> reconnectMillis() {
        return List.copyOf(reconnectMillis);
    }

    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** When the connection was lost, subscribed again and caught up: to explain a failure. */
    public List<String> history() {
        return List.copyOf(history);
    }

    @Override
    public void close() {
        closing = true;
        reconnects.shutdownNow();
        WebSocket open = socket;
        if (open != null) {
            open.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        }
    }
}
