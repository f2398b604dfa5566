package org.linqin.core.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinPool;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Cancels the SQL still running for an HTTP request whose client has gone, so that a long read or a write waiting
 * for a lock does not go on for nobody (a cancelled write rolls back: nothing is half-written). Each database
 * connection taken from the pool while serving a request is remembered with the request until it is returned; when
 * the request's connection closes before its response was sent, PostgreSQL is asked to cancel what runs on those
 * connections. Returning a connection waits while a cancel is being sent on it. PostgreSQL acts on a cancel
 * asynchronously, though: if the statement ends on its own just as the cancel is sent, the signal can still reach
 * the connection's next statement (that one fails with "canceling statement due to user request"). The window is
 * the round trip of one cancel, and only for clients that really disconnected mid-request; a request answered in
 * full never cancels anything.
 */
@ApplicationScoped
public class CancelOnDisconnect implements AgroalPoolInterceptor {

    private static final Logger LOG = Logger.getLogger(CancelOnDisconnect.class);
    private static final String WATCHED = "linqin.cancel-on-disconnect";

    /** A connection lent to a request: the driver's connection behind the pool's wrapper, and the request. */
    private record Use(PGConnection database, RoutingContext request) {
    }

    private final Map<Connection, Use> inUse = new ConcurrentHashMap<>();

    @Override
    public void onConnectionAcquire(Connection connection) {
        RoutingContext request = currentRequest();
        if (request == null) {
            return; // a job or start-up work, not a request
        }
        PGConnection database;
        try {
            database = connection.unwrap(PGConnection.class); // now: the pool's wrapper may be closed when cancelling
        } catch (SQLException e) {
            return;
        }
        inUse.put(connection, new Use(database, request));
        if (request.get(WATCHED) == null) {
            request.put(WATCHED, Boolean.TRUE);
            request.addEndHandler(ended -> {
                // Failed: the connection closed before the response was sent. Over HTTP/2 the end of a stream whose
                // response was sent whole can report a failure too; that request is answered, nothing to cancel.
                if (ended.failed() && !request.response().ended()) {
                    ForkJoinPool.commonPool().execute(() -> forget(request, true));
                } else {
                    forget(request, false);
                }
            });
        }
    }

    @Override
    public void onConnectionReturn(Connection connection) {
        Use use = inUse.get(connection);
        if (use != null) {
            synchronized (use.database()) {
                inUse.remove(connection, use);
            }
        }
    }

    /** Forgets the request's connections, cancelling what runs on them first when {@code cancel}. */
    private void forget(RoutingContext request, boolean cancel) {
        inUse.forEach((connection, use) -> {
            if (use.request() != request) {
                return;
            }
            synchronized (use.database()) {
                if (!inUse.remove(connection, use) || !cancel) {
                    return; // returned meanwhile, or nothing to cancel
                }
                try {
                    use.database().cancelQuery();
                    LOG.debugf("Cancelled the SQL of a request whose client disconnected (%s)", request.normalizedPath());
                } catch (SQLException | RuntimeException e) {
                    LOG.debugf(e, "Could not cancel the SQL of a request whose client disconnected");
                }
            }
        });
    }

    private static RoutingContext currentRequest() {
        ManagedContext requestContext = Arc.container().requestContext();
        if (!requestContext.isActive()) {
            return null;
        }
        try {
            return Arc.container().instance(CurrentVertxRequest.class).get().getCurrent();
        } catch (RuntimeException notAnHttpRequest) {
            return null;
        }
    }
}
