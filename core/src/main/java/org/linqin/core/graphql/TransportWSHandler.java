package org.linqin.core.graphql;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.linqin.core.security.CommunityRolesAugmentor;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLWSHandler;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.graphqltransportws.GraphQLTransportWSSubprotocolHandler;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * graphql-transport-ws as browsers use it, who cannot set headers on a WebSocket: the {@code connection_init}
 * payload may carry the token ({@code Authorization: "Bearer …"}, {@code authorization}, or {@code token} without the
 * scheme) and the community ({@code X-Community}), which then count as the upgrade request's headers. A token that
 * cannot be verified closes the socket with 4401; an operation refused as {@code UNAUTHENTICATED} closes it with
 * 4401 and one refused as {@code FORBIDDEN} with 4403, instead of an error message.
 */
final class TransportWSHandler extends GraphQLTransportWSSubprotocolHandler {

    static final short UNAUTHORIZED = 4401;
    static final short FORBIDDEN = 4403;
    static final short BAD_REQUEST = 4400;

    private final RoutingContext ctx;
    private Cancellable expiry;

    TransportWSHandler(GraphQLWebSocketSession session, Map<String, Object> context, RoutingContext ctx) {
        super(new Refusing(session), context);
        this.ctx = ctx;
        this.expiry = SmallRyeAuthGraphQLWSHandler.createAuthExpiryTask(ctx, session);
    }

    @Override
    protected void onMessage(JsonObject message) {
        if (message == null || !"connection_init".equals(message.getString("type", null))
                || !(message.get("payload") instanceof JsonObject payload)) {
            super.onMessage(message);
            return;
        }
        String token = text(payload, "Authorization", "authorization", "token");
        String community = text(payload, CommunityRolesAugmentor.COMMUNITY_HEADER, "x-community");
        boolean headerToken = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) != null;
        if (token != null && headerToken) {
            session.close(BAD_REQUEST, "Send the token either in the upgrade request or in connection_init, not both");
            return;
        }
        if (community != null) {
            ctx.request().headers().set(CommunityRolesAugmentor.COMMUNITY_HEADER, community);
        }
        if (token != null) {
            ctx.request().headers().set(HttpHeaders.AUTHORIZATION,
                    token.regionMatches(true, 0, "Bearer ", 0, 7) ? token : "Bearer " + token);
        }
        if (token == null && (community == null || !headerToken)) {
            super.onMessage(message);
            return;
        }
        // Authenticate again: with the token now given, or with the roles held in the community now addressed.
        authenticate(identity -> super.onMessage(message));
    }

    private void authenticate(Consumer<SecurityIdentity> then) {
        HttpAuthenticator authenticator = ctx.get(HttpAuthenticator.class.getName());
        authenticator.attemptAuthentication(ctx).subscribe().with(identity -> {
            if (session.isClosed()) {
                return;
            }
            if (identity == null) {
                session.close(UNAUTHORIZED, "Unauthorized");
                return;
            }
            QuarkusHttpUser.setIdentity(identity, ctx);
            useIdentity(identity);
            if (expiry != null) {
                expiry.cancel();
            }
            expiry = SmallRyeAuthGraphQLWSHandler.createAuthExpiryTask(ctx, session);
            then.accept(identity);
        }, failure -> {
            if (!session.isClosed()) {
                session.close(UNAUTHORIZED, "Unauthorized");
            }
        });
    }

    /** The identity for the operations of this socket, which run in the request context of the upgrade. */
    private void useIdentity(SecurityIdentity identity) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = false;
        if (!requestContext.isActive()) {
            requestContext.activate((InjectableContext.ContextState) getContext().get("state"));
            activated = true;
        }
        try {
            Arc.container().instance(CurrentIdentityAssociation.class).get().setIdentity(identity);
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
        }
    }

    private static String text(JsonObject payload, String... names) {
        for (String name : names) {
            if (payload.get(name) instanceof JsonString value && !value.getString().isBlank()) {
                return value.getString();
            }
        }
        return null;
    }

    @Override
    public void onClose() {
        super.onClose();
        if (expiry != null) {
            expiry.cancel();
        }
    }

    @Override
    protected void sendErrorMessage(String operationId, ExecutionResponse response) throws IOException {
        JsonValue errors = response.getExecutionResultAsJsonObject().get("errors");
        short close = errors instanceof JsonArray list ? Refusing.closeCodeOf(list) : 0;
        if (close != 0) {
            session.close(close, close == UNAUTHORIZED ? "Unauthorized" : "Forbidden");
        } else {
            super.sendErrorMessage(operationId, response);
        }
    }

    /**
     * Closes the socket instead of sending a {@code next} whose operation was refused as a whole (no data, an
     * {@code UNAUTHENTICATED} or {@code FORBIDDEN} error).
     */
    private static final class Refusing implements GraphQLWebSocketSession {
        private final GraphQLWebSocketSession session;

        Refusing(GraphQLWebSocketSession session) {
            this.session = session;
        }

        static short closeCodeOf(JsonArray errors) {
            List<String> codes = errors.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast)
                    .map(error -> error.getJsonObject("extensions"))
                    .filter(extensions -> extensions != null && extensions.get("code") instanceof JsonString)
                    .map(extensions -> extensions.getString("code")).toList();
            return codes.contains("UNAUTHENTICATED") ? UNAUTHORIZED : codes.contains("FORBIDDEN") ? FORBIDDEN : 0;
        }

        @Override
        public void sendMessage(String message) throws IOException {
            if (message.startsWith("{\"type\":\"next\"") && message.contains("\"errors\"")) {
                JsonObject parsed = jakarta.json.Json.createReader(new java.io.StringReader(message)).readObject();
                JsonObject payload = parsed.getJsonObject("payload");
                short close = payload != null && payload.get("errors") instanceof JsonArray errors
                        && (payload.get("data") == null || payload.get("data") == JsonValue.NULL) ? closeCodeOf(errors) : 0;
                if (close != 0) {
                    close(close, close == UNAUTHORIZED ? "Unauthorized" : "Forbidden");
                    return;
                }
            }
            session.sendMessage(message);
        }

        @Override
        public void close(short statusCode, String reason) {
            session.close(statusCode, reason);
        }

        @Override
        public boolean isClosed() {
            return session.isClosed();
        }

        @Override
        public String toString() {
            return session.toString();
        }
    }
}
