package org.linqin.core.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import io.quarkus.security.AuthenticationFailedException;
import io.vertx.core.MultiMap;
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
 * Checks every HTTP request to {@code /graphql} before it is executed, so that no request can produce an HTTP 500 or
 * an error without a code, and answers as the GraphQL-over-HTTP specification asks. A query comes as {@code GET}
 * with URL parameters ({@code query}, {@code operationName}, {@code variables} and {@code extensions} as
 * URL-encoded JSON objects) or as {@code POST} of {@code application/json}: one JSON object with a string
 * {@code query}, an object (or null) {@code variables} and {@code extensions}, a string (or null)
 * {@code operationName}. The document must parse; a mutation over GET is refused with 405 and {@code Allow: POST};
 * subscriptions are served over WebSocket only. The response type is negotiated from {@code Accept}
 * ({@link ResponseMediaType}; 406 when neither JSON type is acceptable). Refusals: 400 for a malformed request, 415
 * for another media type, 405 for other methods, and for a document that does not parse 400 under
 * {@code application/graphql-response+json} (200 under {@code application/json}). A token that cannot be verified
 * gets 401 with a JSON body. Every refusal carries {@code extensions.code}. An accepted request is executed by
 * {@link GraphQLHttpExecutor}.
 */
@ApplicationScoped
public class GraphQLRequestGate {

    private static final Logger LOG = Logger.getLogger(GraphQLRequestGate.class);

    public static final String GRAPHQL_RESPONSE_JSON = ResponseMediaType.GRAPHQL_RESPONSE_JSON;
    /** Routing context data: the checked GraphQL request as JSON text, for {@link GraphQLHttpExecutor}. */
    static final String REQUEST = "linqin.graphql.request";
    /** Routing context data: the negotiated response media type. */
    static final String RESPONSE_TYPE = "linqin.graphql.response-type";
    private static final int DOCUMENT_CACHE_SIZE = 2_000;
    private static final List<String> GET_PARAMETERS = List.of("query", "operationName", "variables", "extensions");

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
        // after persisted operations (-108), which may put the stored document in
        router.route(HttpMethod.POST, path).order(-107).handler(this::checkPost);
        router.route(HttpMethod.GET, path).order(-107).handler(this::checkGet);
        router.route().order(-100).failureHandler(this::onFailure);
    }

    private static boolean isWebSocket(RoutingContext ctx) {
        return ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true);
    }

    private void checkMethod(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (isWebSocket(ctx)) {
            ctx.next();
            return;
        }
        // Vert.x compresses what is not marked; GraphQLHttpExecutor unmarks results large enough to gain from it
        ctx.response().putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY);
        if (method == HttpMethod.OPTIONS) { // a CORS preflight is answered before, by the CORS filter
            ctx.response().setStatusCode(204).putHeader(HttpHeaders.ALLOW, "GET, POST, OPTIONS").end();
            return;
        }
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
            respond(ctx, 405, "BAD_REQUEST", Msg.of("core.gate.methodNotAllowed"));
            return;
        }
        Optional<String> type = ResponseMediaType.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT));
        if (type.isEmpty()) {
            respond(ctx, 406, "BAD_REQUEST", Msg.of("core.gate.notAcceptable"));
            return;
        }
        ctx.put(RESPONSE_TYPE, type.get());
        ctx.next();
    }

    private void checkPost(RoutingContext ctx) {
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        if (contentType == null || !mediaType(contentType).equals("application/json") || !utf8(contentType)) {
            respond(ctx, 415, "BAD_REQUEST", Msg.of("core.gate.notJson"));
            return;
        }
        String text = ctx.body().asString("UTF-8");
        Refusal refusal = text == null || text.isBlank()
                ? Refusal.badRequest(Msg.of("core.gate.emptyBody"))
                : refusalOf(ctx, text, HttpMethod.POST);
        pass(ctx, text, refusal);
    }

    private void checkGet(RoutingContext ctx) {
        if (isWebSocket(ctx)) {
            ctx.next();
            return;
        }
        MultiMap parameters = ctx.queryParams();
        for (String name : GET_PARAMETERS) {
            if (parameters.getAll(name).size() > 1) {
                respond(ctx, 400, "BAD_REQUEST", Msg.of("core.gate.parameterTwice", name));
                return;
            }
        }
        String query = parameters.get("query");
        if (query == null || query.isBlank()) {
            respond(ctx, 400, "BAD_REQUEST", Msg.of("core.gate.getQuery"));
            return;
        }
        // JSON text rather than a decoded object, so numbers in variables keep every digit
        StringBuilder text = new StringBuilder("{\"query\":").append(Json.encode(query));
        String operationName = parameters.get("operationName");
        if (operationName != null && !operationName.isEmpty()) {
            text.append(",\"operationName\":").append(Json.encode(operationName));
        }
        for (String name : List.of("variables", "extensions")) {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                if (!isJsonObject(value)) {
                    respond(ctx, 400, "BAD_REQUEST", Msg.of("core.gate.parameterNotObject", name));
                    return;
                }
                text.append(",\"").append(name).append("\":").append(value);
            }
        }
        String request = text.append('}').toString();
        pass(ctx, request, refusalOf(ctx, request, HttpMethod.GET));
    }

    private static boolean isJsonObject(String text) {
        try {
            return Json.decodeValue(text) instanceof JsonObject;
        } catch (DecodeException e) {
            return false;
        }
    }

    private void pass(RoutingContext ctx, String request, Refusal refusal) {
        if (refusal == null) {
            ctx.put(REQUEST, request);
            ctx.next();
        } else {
            if (refusal.status() == 405) {
                ctx.response().putHeader(HttpHeaders.ALLOW, "POST");
            }
            respond(ctx, refusal.status(), refusal.code(), refusal.message());
        }
    }

    private record Refusal(int status, String code, Msg message) {
        static Refusal badRequest(Msg message) {
            return new Refusal(400, "BAD_REQUEST", message);
        }
    }

    /** Why the request (JSON text) is refused, or null when it may be executed. */
    private Refusal refusalOf(RoutingContext ctx, String text, HttpMethod method) {
        Object body;
        try {
            body = Json.decodeValue(text);
        } catch (DecodeException e) {
            return Refusal.badRequest(Msg.of("core.gate.invalidJson"));
        }
        if (body instanceof JsonArray) {
            return Refusal.badRequest(Msg.of("core.gate.batch"));
        }
        if (!(body instanceof JsonObject request)) {
            return Refusal.badRequest(Msg.of("core.gate.notObject"));
        }
        Object query = request.getValue("query");
        if (!(query instanceof String document) || document.isBlank()) {
            return Refusal.badRequest(Msg.of("core.gate.query"));
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return Refusal.badRequest(Msg.of("core.gate.variables"));
        }
        Object operationName = request.getValue("operationName");
        if (operationName != null && !(operationName instanceof String)) {
            return Refusal.badRequest(Msg.of("core.gate.operationName"));
        }
        Object extensions = request.getValue("extensions");
        if (extensions != null && !(extensions instanceof JsonObject)) {
            return Refusal.badRequest(Msg.of("core.gate.extensions"));
        }
        Map<String, OperationDefinition.Operation> operations;
        try {
            operations = operations(document);
        } catch (graphql.GraphQLException e) {
            return new Refusal(GRAPHQL_RESPONSE_JSON.equals(responseType(ctx)) ? 400 : 200, "VALIDATION_FAILED",
                    Msg.of("core.gate.unparsable", new LibraryText(e.getMessage())));
        }
        OperationDefinition.Operation kind = operations.get(operationName == null ? "" : (String) operationName);
        if (kind == null && operationName == null && operations.size() == 1) {
            kind = operations.values().iterator().next();
        }
        if (kind == OperationDefinition.Operation.SUBSCRIPTION) {
            return Refusal.badRequest(Msg.of("core.gate.subscription", "/" + rootPath));
        }
        if (method == HttpMethod.GET && kind == OperationDefinition.Operation.MUTATION) {
            return new Refusal(405, "BAD_REQUEST", Msg.of("core.gate.getMutation"));
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
            respond(ctx, 401, "UNAUTHENTICATED", Msg.of("core.gate.invalidToken"));
            return;
        }
        if (!ctx.request().path().startsWith("/" + rootPath)) {
            ctx.next();
            return;
        }
        if (ctx.statusCode() == 413) {
            respond(ctx, 413, "BAD_REQUEST", Msg.of("core.gate.tooLarge"));
            return;
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "Internal error %s serving %s", reference, ctx.request().path());
        respond(ctx, 500, "INTERNAL", Msg.of("core.error.internal", reference));
    }

    /** graphql-java's English words (a parse error), put into the language of the message. */
    private record LibraryText(String english) implements Msg.Rendered {
        @Override
        public String render(java.util.Locale locale) {
            return LibraryMessages.translate(english, locale);
        }
    }

    /** An error answered before GraphQL runs, worded in the request's language ({@code Accept-Language}). */
    static void respond(RoutingContext ctx, int status, String code, Msg message) {
        String words = Messages.render(message, Messages.fromAcceptLanguage(
                String.join(",", ctx.request().headers().getAll(HttpHeaders.ACCEPT_LANGUAGE))));
        JsonObject error = new JsonObject().put("message", words).put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, responseType(ctx) + "; charset=utf-8")
                .putHeader(HttpHeaders.CONTENT_ENCODING, HttpHeaders.IDENTITY) // too small to gain from compression
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    /** The negotiated response type; for a request refused before or without negotiation, the best acceptable. */
    public static String responseType(RoutingContext ctx) {
        String negotiated = ctx.get(RESPONSE_TYPE);
        return negotiated != null ? negotiated
                : ResponseMediaType.negotiate(ctx.request().getHeader(HttpHeaders.ACCEPT))
                        .orElse(ResponseMediaType.JSON);
    }

    private static boolean utf8(String contentType) {
        for (String parameter : contentType.split(";")) {
            String[] pair = parameter.trim().split("=", 2);
            if (pair.length == 2 && pair[0].trim().equalsIgnoreCase("charset")
                    && !pair[1].trim().replace("\"", "").equalsIgnoreCase("utf-8")) {
                return false;
            }
        }
        return true;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim()
                .toLowerCase(java.util.Locale.ROOT);
    }
}
