package org.linqin.core.graphql;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeAuthGraphQLWSSubprotocolHandler;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.websocket.GraphQLWebSocketSession;
import io.smallrye.graphql.websocket.GraphQLWebsocketHandler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * GraphQL over WebSocket at {@code /graphql}, as SmallRye GraphQL serves it, with the messages checked first as
 * graphql-transport-ws asks: a message that is not a JSON object, of an unknown type, or a {@code subscribe} without
 * an id and a payload holding a query closes the socket with 4400 and the reason; binary messages likewise. Frames
 * and messages over the limits ({@code quarkus.http.websocket-server.max-frame-size}, {@code max-message-size})
 * are refused by the server with close code 1009. SmallRye's own handler lets such messages pass silently. The
 * token and community may also come in the {@code connection_init} payload (see {@link TransportWSHandler}).
 */
@ApplicationScoped
public class GraphQLWebSocketGate {

    private static final Logger LOG = Logger.getLogger(GraphQLWebSocketGate.class);
    static final short INVALID_MESSAGE = 4400;
    static final short MESSAGE_TOO_BIG = 1009;
    private static final Set<String> CLIENT_MESSAGES = Set.of("connection_init", "ping", "pong", "subscribe",
            "complete");

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest currentRequest;

    @Inject
    OpenWebSockets openSockets;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "quarkus.smallrye-graphql.authorization-client-init-payload-name")
    Optional<String> initPayloadAuthorization;

    @ConfigProperty(name = "quarkus.http.websocket-server.max-frame-size", defaultValue = "65536")
    int maxFrameSize;

    @ConfigProperty(name = "quarkus.http.websocket-server.max-message-size", defaultValue = "262144")
    int maxMessageSize;

    void install(@Observes Router router) {
        Upgrade upgrade = new Upgrade(identities, currentRequest, initPayloadAuthorization, maxFrameSize,
                maxMessageSize, openSockets);
        router.route("/" + rootPath.replaceAll("^/+", "")).order(-105).handler(ctx -> { // before SmallRye GraphQL's own WebSocket route (-99)
            if (ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
                if (openSockets.draining()) {
                    // Shutting down: the client should connect to another replica.
                    ctx.response().setStatusCode(503).end();
                    return;
                }
                upgrade.handle(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /** Why a graphql-transport-ws message is refused, or null when it may pass. */
    static String refusalOf(String text) {
        JsonObject message;
        try {
            message = new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return "Invalid message: send a JSON object";
        }
        Object type = message.getValue("type");
        if (!(type instanceof String name) || !CLIENT_MESSAGES.contains(name)) {
            return "Unknown message type";
        }
        Object payload = message.getValue("payload");
        if (payload != null && !(payload instanceof JsonObject)) {
            return "Invalid message: the payload must be an object";
        }
        if (name.equals("subscribe") || name.equals("complete")) {
            if (!(message.getValue("id") instanceof String id) || id.isEmpty()) {
                return "Invalid " + name + " message: it needs an id";
            }
        }
        if (name.equals("subscribe") && (payload == null
                || !(((JsonObject) payload).getValue("query") instanceof String query) || query.isBlank())) {
            return "Invalid subscribe message: the payload needs a query";
        }
        return null;
    }

    /** The upgrade as SmallRye GraphQL's Quarkus handler does it, with the check in front of each message. */
    static final class Upgrade extends SmallRyeGraphQLAbstractHandler {
        private final Optional<String> initPayloadAuthorization;
        private final int maxFrameSize;
        private final int maxMessageSize;
        private final OpenWebSockets openSockets;

        Upgrade(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest,
                Optional<String> initPayloadAuthorization, int maxFrameSize, int maxMessageSize,
                OpenWebSockets openSockets) {
            super(identities, currentRequest, true);
            this.initPayloadAuthorization = initPayloadAuthorization;
            this.maxFrameSize = maxFrameSize;
            this.maxMessageSize = maxMessageSize;
            this.openSockets = openSockets;
        }

        /** Netty refuses a frame over the limit; Vert.x a message over its limit. */
        private static boolean tooBig(Throwable failure) {
            return failure instanceof io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException
                    || (failure.getMessage() != null && failure.getMessage().toLowerCase().contains("exceed"));
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            Map<String, Object> metaData = getMetaData(ctx);
            ctx.request().toWebSocket(upgraded -> {
                if (upgraded.failed()) {
                    LOG.debug("WebSocket upgrade failed", upgraded.cause());
                    return;
                }
                ServerWebSocket socket = upgraded.result();
                String protocol = socket.subProtocol();
                Session session = new Session(socket);
                GraphQLWebsocketHandler handler;
                if ("graphql-transport-ws".equals(protocol)) {
                    handler = new TransportWSHandler(session, metaData, ctx);
                } else if ("graphql-ws".equals(protocol)) {
                    handler = new SmallRyeAuthGraphQLWSSubprotocolHandler(session, metaData, ctx, this,
                            initPayloadAuthorization);
                } else {
                    socket.close((short) 4406, "Subprotocol not acceptable: use graphql-transport-ws");
                    return;
                }
                boolean checked = "graphql-transport-ws".equals(protocol);
                socket.closeHandler(v -> {
                    openSockets.closed(socket);
                    handler.onClose();
                });
                socket.endHandler(v -> handler.onEnd());
                socket.exceptionHandler(failure -> {
                    if (tooBig(failure)) {
                        session.close(MESSAGE_TOO_BIG, "Frames are limited to " + maxFrameSize + " bytes and messages to "
                                + maxMessageSize + " bytes");
                    } else {
                        handler.onThrowable(failure);
                    }
                });
                socket.frameHandler(new Messages(maxMessageSize, text -> {
                    String refusal = checked ? refusalOf(text) : null;
                    if (refusal != null) {
                        session.close(INVALID_MESSAGE, refusal);
                    } else {
                        handler.onMessage(text);
                    }
                }, session));
                openSockets.opened(socket);
            });
        }
    }

    /**
     * Joins the frames of a text message (Vert.x's own joining drops a message over its limit without a word) and
     * refuses messages over the limit and binary ones with a close code.
     */
    private static final class Messages implements io.vertx.core.Handler<io.vertx.core.http.WebSocketFrame> {
        private final int maxMessageSize;
        private final java.util.function.Consumer<String> onText;
        private final Session session;
        private io.vertx.core.buffer.Buffer partial;

        Messages(int maxMessageSize, java.util.function.Consumer<String> onText, Session session) {
            this.maxMessageSize = maxMessageSize;
            this.onText = onText;
            this.session = session;
        }

        @Override
        public void handle(io.vertx.core.http.WebSocketFrame frame) {
            if (frame.isBinary() || (frame.isContinuation() && partial == null)) {
                session.close(INVALID_MESSAGE, "Binary messages are not supported");
                return;
            }
            if (!frame.isText() && !frame.isContinuation()) {
                return; // ping, pong and close frames are answered by the server itself
            }
            if (frame.isText()) {
                partial = io.vertx.core.buffer.Buffer.buffer();
            }
            partial.appendBuffer(frame.binaryData());
            if (partial.length() > maxMessageSize) {
                partial = null;
                session.close(MESSAGE_TOO_BIG, "Messages are limited to " + maxMessageSize + " bytes");
                return;
            }
            if (frame.isFinal()) {
                String text = partial.toString(java.nio.charset.StandardCharsets.UTF_8);
                partial = null;
                onText.accept(text);
            }
        }
    }

    private static final class Session implements GraphQLWebSocketSession {
        private final ServerWebSocket socket;

        Session(ServerWebSocket socket) {
            this.socket = socket;
        }

        @Override
        public void sendMessage(String message) {
            socket.writeTextMessage(message);
        }

        @Override
        public void close(short statusCode, String reason) {
            if (!socket.isClosed()) {
                socket.close(statusCode, reason);
            }
        }

        @Override
        public boolean isClosed() {
            return socket.isClosed();
        }

        @Override
        public String toString() {
            return "{peer=" + socket.remoteAddress() + "}";
        }
    }
}
