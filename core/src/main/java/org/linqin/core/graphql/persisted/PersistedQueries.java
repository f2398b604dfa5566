package org.linqin.core.graphql.persisted;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.core.graphql.GraphQLRequestGate;
import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;
import org.linqin.core.limits.RateLimiter;

import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Persisted operations on {@code /graphql}, over POST and GET, before the request gate checks the request: Apollo's
 * automatic persisted queries ({@code extensions.persistedQuery = {version: 1, sha256Hash}}) and the trusted
 * documents mode. A request by hash alone gets the stored document put in as its {@code query}, or the error
 * {@code PersistedQueryNotFound} (HTTP 200, as Apollo clients expect) so that the client sends the document with
 * its hash, which is checked, registered and run. In trusted documents mode only the manifest's documents run,
 * whether sent whole or by hash.
 */
@ApplicationScoped
public class PersistedQueries {

    private static final Logger LOG = Logger.getLogger(PersistedQueries.class);
    static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";

    @Inject
    PersistedDocuments documents;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    /** After the request gate's body handler (order -109), before its checks (-107). */
    void install(@Observes Router router) {
        router.route("/" + rootPath.replaceAll("^/+", "")).order(-108).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            ctx.next();
        } else if (ctx.request().method() == HttpMethod.POST) {
            handlePost(ctx);
        } else if (ctx.request().method() == HttpMethod.GET) {
            handleGet(ctx);
        } else {
            ctx.next();
        }
    }

    private void handlePost(RoutingContext ctx) {
        String text = ctx.body() == null ? null : ctx.body().asString("UTF-8");
        if (text == null || (!documents.trustedOnly() && !text.contains("persistedQuery"))) {
            ctx.next();
            return;
        }
        Object body;
        try {
            body = io.vertx.core.json.Json.decodeValue(text);
        } catch (DecodeException e) {
            ctx.next(); // the gate refuses it
            return;
        }
        if (!(body instanceof JsonObject request)) {
            ctx.next();
            return;
        }
        resolve(ctx, request.getValue("query"), request.getValue("extensions"), document -> {
            ctx.setBody(Buffer.buffer(request.copy().put("query", document).encode()));
            ctx.next();
        });
    }

    private void handleGet(RoutingContext ctx) {
        String extensions = ctx.queryParams().get("extensions");
        if (extensions == null && !documents.trustedOnly()) {
            ctx.next();
            return;
        }
        Object parsed = null;
        if (extensions != null) {
            try {
                parsed = io.vertx.core.json.Json.decodeValue(extensions);
            } catch (DecodeException e) {
                reply(ctx, 400, Msg.of("core.persisted.extensions"), "BAD_REQUEST", null);
                return;
            }
        }
        resolve(ctx, ctx.queryParams().get("query"), parsed, document -> {
            ctx.queryParams().set("query", document);
            ctx.next();
        });
    }

    /**
     * Goes on with the request as it is, or with {@code withDocument} given the stored document, or answers an
     * error.
     */
    private void resolve(RoutingContext ctx, Object query, Object extensions, Consumer<String> withDocument) {
        Object persisted = extensions instanceof JsonObject object ? object.getValue("persistedQuery") : null;
        if (persisted == null) {
            if (documents.trustedOnly() && query instanceof String document
                    && !documents.trusted(PersistedDocuments.sha256(document))) {
                untrusted(ctx);
            } else {
                ctx.next();
            }
            return;
        }
        String hash = hashOf(persisted);
        if (hash == null) {
            reply(ctx, 400, Msg.of("core.persisted.shape"), "BAD_REQUEST", null);
            return;
        }
        if (query != null) {
            register(ctx, hash, query);
            return;
        }
        String known = documents.known(hash).orElse(null);
        if (known != null) {
            withDocument.accept(known);
        } else if (documents.trustedOnly()) {
            untrusted(ctx);
        } else if (!documents.registrationEnabled()) {
            reply(ctx, 200, Msg.of("core.persisted.notSupported"), "PERSISTED_QUERY_NOT_SUPPORTED", null);
        } else {
            ctx.vertx().executeBlocking(() -> documents.find(hash).orElse(null), false).onComplete(found -> {
                if (found.failed()) {
                    ctx.fail(found.cause());
                } else if (found.result() == null) {
                    reply(ctx, 200, Msg.of("core.persisted.notFound"), "PERSISTED_QUERY_NOT_FOUND", null);
                } else {
                    withDocument.accept(found.result());
                }
            });
        }
    }

    /** A document sent with its hash: checked, then registered (when new and allowed) before it runs. */
    private void register(RoutingContext ctx, String hash, Object query) {
        if (!(query instanceof String document) || document.isBlank()) {
            ctx.next(); // the gate refuses it
            return;
        }
        if (!PersistedDocuments.sha256(document).equals(hash)) {
            reply(ctx, 400, Msg.of("core.persisted.hashMismatch"), "VALIDATION_FAILED", "HASH_MISMATCH");
            return;
        }
        if (documents.trustedOnly()) {
            if (documents.trusted(hash)) {
                ctx.next();
            } else {
                untrusted(ctx);
            }
            return;
        }
        if (!documents.registrationEnabled() || documents.known(hash).isPresent() || !parses(document)) {
            ctx.next(); // run as sent; one that does not parse is refused by the gate and never stored
            return;
        }
        String caller = RateLimiter.callerOf(ctx);
        ctx.vertx().executeBlocking(() -> documents.register(hash, document, caller), false).onComplete(stored -> {
            if (stored.failed()) {
                LOG.warn("Could not register a persisted operation; it runs unregistered", stored.cause());
            }
            ctx.next();
        });
    }

    private boolean parses(String document) {
        try {
            ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
            new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(document)
                    .parserOptions(options).build());
            return true;
        } catch (graphql.GraphQLException e) {
            return false;
        }
    }

    /** The hash of {@code {version: 1, sha256Hash}} in lower case, or null when it is not that. */
    static String hashOf(Object persisted) {
        if (!(persisted instanceof JsonObject object) || !(object.getValue("version") instanceof Number version)
                || version.doubleValue() != 1 || !(object.getValue("sha256Hash") instanceof String hash)) {
            return null;
        }
        String lower = hash.toLowerCase(Locale.ROOT);
        return PersistedDocuments.HASH.matcher(lower).matches() ? lower : null;
    }

    private void untrusted(RoutingContext ctx) {
        reply(ctx, accepts(ctx) ? 400 : 200, Msg.of("core.persisted.untrusted"), "FORBIDDEN", "UNTRUSTED_DOCUMENT");
    }

    /** The message in the request's language; Apollo clients match PersistedQueryNotFound by its text: the same in both. */
    private static void reply(RoutingContext ctx, int status, Msg msg, String code, String reason) {
        String message = Messages.render(msg, Messages.fromAcceptLanguage(
                String.join(",", ctx.request().headers().getAll(HttpHeaders.ACCEPT_LANGUAGE))));
        JsonObject extensions = new JsonObject().put("code", code);
        if (reason != null) {
            extensions.put("reason", reason);
        }
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, (accepts(ctx) ? GRAPHQL_RESPONSE_JSON : "application/json")
                        + "; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(new JsonObject().put("message", message)
                        .put("extensions", extensions))).encode());
    }

    /** Whether the answer is application/graphql-response+json, as the request gate negotiated it. */
    private static boolean accepts(RoutingContext ctx) {
        return GRAPHQL_RESPONSE_JSON.equals(GraphQLRequestGate.responseType(ctx));
    }
}
