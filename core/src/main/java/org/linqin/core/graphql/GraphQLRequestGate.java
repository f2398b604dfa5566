package org.linqin.core.graphql;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Checks every HTTP request to {@code /graphql} before SmallRye GraphQL sees it, so that no request can produce an
 * HTTP 500 or an error without a code: the body must be one JSON object with a string {@code query}, an object (or
 * null) {@code variables} and {@code extensions}, a string (or null) {@code operationName}; the document must parse;
 * subscriptions are served over WebSocket only. Refusals follow the GraphQL-over-HTTP specification: 400 for a
 * malformed request, 415 for another media type, 405 for other methods, and 400 for a document that does not parse
 * when the client accepts {@code application/graphql-response+json} (200 with {@code application/json}). A token
 * that cannot be verified gets 401 with a JSON body. Every refusal carries {@code extensions.code}.
 */
@ApplicationScoped
public class GraphQLRequestGate {

    private static final Logger LOG = Logger.getLogger(GraphQLRequestGate.class);

    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    private static final int DOCUMENT_CACHE_SIZE = 2_000;

    /** Documents seen before, with the kinds of their operations by name ("" for an anonymous one). */
    private final Map<String, Map<String, OperationDefinition.Operation>> documents = new ConcurrentHashMap<>();

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "quarkus.smallrye-graphql.parser-max-tokens", defaultValue = "15000")
    int maxTokens;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
    io.quarkus.runtime.configuration.MemorySize maxBodySize;

    void install(@Observes Router router) {
        String path = "/" + rootPath.replaceAll("^/+", "");
        router.route(path).order(-110).handler(this::checkMethod);
        router.route(HttpMethod.POST, path).order(-109).handler(BodyHandler.create(false)
                .setBodyLimit(maxBodySize.asLongValue()));
        router.route(HttpMethod.POST, path).order(-107).handler(this::checkPost); // after persisted operations (-108)
        router.route(HttpMethod.GET, path).order(-107).handler(this::checkGet);
        router.route().order(-100).failureHandler(this::onFailure);
    }

    private void checkMethod(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        boolean webSocket = ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true);
        if (webSocket || method == HttpMethod.POST || method == HttpMethod.OPTIONS || method == HttpMethod.GET) {
            ctx.next();
            return;
        }
        ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS");
        respond(ctx, 405, "BAD_REQUEST", "Send GraphQL requests with POST (subscriptions over WebSocket)");
    }

    /** Queries only over GET (the document in {@code query}, as persisted operations may have put it). */
    private void checkGet(RoutingContext ctx) {
        if (ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
            ctx.next();
            return;
        }
        String document = ctx.queryParams().get("query");
        if (document == null || document.isBlank()) {
            respond(ctx, 400, "BAD_REQUEST", "'query' must hold the GraphQL document");
            return;
        }
        Map<String, OperationDefinition.Operation> operations;
        try {
            operations = operations(document);
        } catch (graphql.GraphQLException e) {
            respond(ctx, accepts(ctx, GRAPHQL_RESPONSE_JSON) ? 400 : 200, "VALIDATION_FAILED",
                    "The document does not parse: " + e.getMessage());
            return;
        }
        String operationName = ctx.queryParams().get("operationName");
        OperationDefinition.Operation kind = operations.get(operationName == null ? "" : operationName);
        if (kind == null && operationName == null && operations.size() == 1) {
            kind = operations.values().iterator().next();
        }
        if (kind != OperationDefinition.Operation.QUERY) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            respond(ctx, 405, "BAD_REQUEST", "Only queries are served over GET: send mutations with POST");
            return;
        }
        ctx.next();
    }

    private void checkPost(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !mediaType(contentType).equals("application/json")) {
            respond(ctx, 415, "BAD_REQUEST", "Send the request as application/json: {\"query\": \"…\", "
                    + "\"variables\": {…}, \"operationName\": \"…\"}");
            return;
        }
        Refusal refusal = refusalOf(ctx);
        if (refusal == null) {
            ctx.next();
        } else {
            respond(ctx, refusal.status(), refusal.code(), refusal.message());
        }
    }

    private record Refusal(int status, String code, String message) {
        static Refusal badRequest(String message) {
            return new Refusal(400, "BAD_REQUEST", message);
        }
    }

    /** Why the request is refused, or null when SmallRye GraphQL may execute it. */
    private Refusal refusalOf(RoutingContext ctx) {
        Object body;
        try {
            String text = ctx.body().asString("UTF-8");
            if (text == null || text.isBlank()) {
                return Refusal.badRequest("The request body is empty: send {\"query\": \"…\"}");
            }
            body = Json.decodeValue(text);
        } catch (DecodeException e) {
            return Refusal.badRequest("The request body is not valid JSON");
        }
        if (body instanceof JsonArray) {
            return Refusal.badRequest("Batched requests are not supported: send one operation per request");
        }
        if (!(body instanceof JsonObject request)) {
            return Refusal.badRequest("The request body must be a JSON object: {\"query\": \"…\"}");
        }
        Object query = request.getValue("query");
        if (!(query instanceof String document) || document.isBlank()) {
            return Refusal.badRequest("'query' must be a string holding the GraphQL document");
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return Refusal.badRequest("'variables' must be a JSON object (or null)");
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return Refusal.badRequest("'operationName' must be a string (or null)");
        }
        Object extensions = request.getValue("extensions");
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return Refusal.badRequest("'extensions' must be a JSON object (or null)");
        }
        Map<String, OperationDefinition.Operation> operations;
        try {
            operations = operations(document);
        } catch (graphql.GraphQLException e) {
            return new Refusal(accepts(ctx, GRAPHQL_RESPONSE_JSON) ? 400 : 200, "VALIDATION_FAILED",
                    "The document does not parse: " + e.getMessage());
        }
        OperationDefinition.Operation kind = operations.get(operationName == null ? "" : (String) operationName);
        if (kind == null && operationName == null && operations.size() == 1) {
            kind = operations.values().iterator().next();
        }
        if (kind == OperationDefinition.Operation.SUBSCRIPTION) {
            return Refusal.badRequest("Subscriptions are served over WebSocket at /" + rootPath + " (sub-protocol graphql-transport-ws), "
                    + "not over HTTP POST");
        }
        return null;
    }

    private Map<String, OperationDefinition.Operation> operations(String document) {
        Map<String, OperationDefinition.Operation> known = documents.get(document);
        if (known != null) {
            return known;
        }
        ParserOptions options = ParserOptions.getDefaultOperationParserOptions().transform(o -> o.maxTokens(maxTokens));
        Document parsed = new Parser().parseDocument(ParserEnvironment.newParserEnvironment().document(document)
                .parserOptions(options).build());
        Map<String, OperationDefinition.Operation> operations = new java.util.HashMap<>();
        for (OperationDefinition operation : parsed.getDefinitionsOfType(OperationDefinition.class)) {
            operations.put(operation.getName() == null ? "" : operation.getName(), operation.getOperation());
        }
        if (documents.size() >= DOCUMENT_CACHE_SIZE) {
            documents.clear();
        }
        documents.put(document, Map.copyOf(operations));
        return operations;
    }

    private void onFailure(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException
                || (failure != null && failure.getCause() instanceof AuthenticationFailedException)) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            respond(ctx, 401, "UNAUTHENTICATED", "The token is not valid (expired, for another audience or not "
                    + "signed by the identity server): sign in again");
            return;
        }
        if (!ctx.request().path().startsWith("/" + rootPath)) {
            ctx.next();
            return;
        }
        if (ctx.statusCode() == 413) {
            respond(ctx, 413, "BAD_REQUEST", "The request body is larger than the limit");
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Internal error %s serving %s", reference, ctx.request().path());
        respond(ctx, 500, "INTERNAL", "Internal error; reference " + reference);
    }

    private static void respond(RoutingContext ctx, int status, String code, String message) {
        String contentType = accepts(ctx, GRAPHQL_RESPONSE_JSON) ? GRAPHQL_RESPONSE_JSON : "application/json";
        JsonObject error = new JsonObject().put("message", message).put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, contentType + "; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    static boolean accepts(RoutingContext ctx, String mediaType) {
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains(mediaType);
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
