package org.linqin.core.graphql;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonParsingException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.core.i18n.Msg;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.smallrye.graphql.runtime.SmallRyeGraphQLAbstractHandler;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.execution.ExecutionResponse;
import io.smallrye.graphql.execution.ExecutionResponseWriter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Executes the GET and POST requests {@link GraphQLRequestGate} let through with SmallRye GraphQL's engine, request
 * context and identity (its {@link SmallRyeGraphQLAbstractHandler}), and writes the answer as GraphQL-over-HTTP
 * asks: in the negotiated media type, in UTF-8, with 400 under {@code application/graphql-response+json} when the
 * request failed before execution began (a document or variables that do not validate: no {@code data} in the
 * result), else 200. SmallRye's own HTTP handler answers 200 always, echoes the {@code Accept} entry (quality value
 * included) as the content type, and decodes GET parameters twice and takes the query for the operation name.
 * <p>
 * The gate marks every response {@code Content-Encoding: identity} so Vert.x leaves it uncompressed; a result of at
 * least {@code linqin.http.compression-min-size} bytes is unmarked, so it is compressed when the client accepts it
 * (Vert.x 4 has no size threshold of its own).
 */
@ApplicationScoped
public class GraphQLHttpExecutor {

    private static final Logger LOG = Logger.getLogger(GraphQLHttpExecutor.class);

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CurrentVertxRequest currentRequest;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    /** As SmallRye GraphQL decides whether its route blocks. */
    @ConfigProperty(name = "quarkus.smallrye-graphql.nonblocking.enabled")
    Optional<Boolean> nonBlocking;

    /** Smaller results are sent as they are: compressing them saves a few bytes at most. */
    @ConfigProperty(name = "linqin.http.compression-min-size", defaultValue = "512")
    int compressionMinSize;

    void install(@Observes Router router) {
        boolean runBlocking = nonBlocking.isPresent() && !nonBlocking.get();
        Execution execution = new Execution(identities, currentRequest, runBlocking, compressionMinSize);
        var route = router.route("/" + rootPath.replaceAll("^/+", "")).order(-104); // after the gates, before SmallRye (-99)
        if (runBlocking) {
            route.blockingHandler(execution::handleChecked, false);
        } else {
            route.handler(execution::handleChecked);
        }
    }

    static final class Execution extends SmallRyeGraphQLAbstractHandler {
        private final int compressionMinSize;

        Execution(CurrentIdentityAssociation identities, CurrentVertxRequest currentRequest, boolean runBlocking,
                int compressionMinSize) {
            super(identities, currentRequest, runBlocking);
            this.compressionMinSize = compressionMinSize;
        }

        /** Requests the gate did not check (WebSocket upgrades) go on to SmallRye GraphQL. */
        void handleChecked(RoutingContext ctx) {
            if (ctx.get(GraphQLRequestGate.REQUEST) == null) {
                ctx.next();
            } else {
                handle(ctx);
            }
        }

        @Override
        protected void doHandle(RoutingContext ctx) {
            JsonObject request;
            try {
                request = inputToJsonObject(ctx.get(GraphQLRequestGate.REQUEST));
            } catch (JsonParsingException e) { // the gate's JSON parser accepted what JSON-P refuses
                GraphQLRequestGate.respond(ctx, 400, "BAD_REQUEST", Msg.of("core.gate.invalidJson"));
                return;
            }
            getExecutionService().executeAsync(request, getMetaData(ctx),
                    new Writer(ctx, GraphQLRequestGate.responseType(ctx), compressionMinSize));
        }
    }

    private record Writer(RoutingContext ctx, String mediaType, int compressionMinSize)
            implements ExecutionResponseWriter {

        @Override
        public void write(ExecutionResponse response) {
            boolean requestError = !response.getExecutionResult().isDataPresent();
            Buffer body = Buffer.buffer(response.getExecutionResultAsString());
            HttpServerResponse http = ctx.response();
            try {
                http.setStatusCode(requestError && ResponseMediaType.GRAPHQL_RESPONSE_JSON.equals(mediaType) ? 400 : 200)
                        .putHeader(HttpHeaders.CONTENT_TYPE, mediaType + "; charset=utf-8");
                if (body.length() >= compressionMinSize) {
                    http.headers().remove(HttpHeaders.CONTENT_ENCODING);
                }
                http.end(body);
            } catch (IllegalStateException gone) { // the client disconnected, or the response was ended elsewhere
                LOG.debug("Cannot write the GraphQL response", gone);
            }
        }

        @Override
        public void fail(Throwable failure) {
            ctx.fail(failure);
        }
    }
}
