package org.linqin.core.graphql;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;

/**
 * The WebSockets this replica serves. When the server begins to shut down (SIGTERM, before Quarkus waits for the
 * HTTP requests in flight), each is closed with 1001 "going away", so a client reconnects at once, through the load
 * balancer to another replica, instead of finding a dead connection later; upgrades that still arrive are refused
 * with 503. Needs {@code quarkus.shutdown.delay-enabled=true}, which makes Quarkus announce the start of shutdown.
 */
@ApplicationScoped
public class OpenWebSockets {

    private static final Logger LOG = Logger.getLogger(OpenWebSockets.class);
    static final short GOING_AWAY = 1001;
    static final String GOING_AWAY_REASON = "Server shutting down: reconnect";

    private final Set<ServerWebSocket> sockets = ConcurrentHashMap.newKeySet();
    private volatile boolean draining;

    boolean draining() {
        return draining;
    }

    /** A socket just upgraded; one that arrives while draining is closed at once. */
    void opened(ServerWebSocket socket) {
        sockets.add(socket);
        if (socket.isClosed()) {
            sockets.remove(socket); // closed before it was counted
        } else if (draining) {
            goAway(socket);
        }
    }

    void closed(ServerWebSocket socket) {
        sockets.remove(socket);
    }

    void drain(@Observes ShutdownDelayInitiatedEvent shutdown) {
        draining = true;
        List<Future<Void>> closing = sockets.stream().map(this::goAway).toList();
        LOG.infof("Shutting down: closing %d WebSocket(s) with 1001 going away", closing.size());
        try {
            // The close frames are written on the event loops; give them a moment before the server stops.
            Future.join(closing).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("Not every WebSocket closed within 5 s", e);
        }
    }

    private Future<Void> goAway(ServerWebSocket socket) {
        return socket.isClosed() ? Future.succeededFuture() : socket.close(GOING_AWAY, GOING_AWAY_REASON);
    }
}
