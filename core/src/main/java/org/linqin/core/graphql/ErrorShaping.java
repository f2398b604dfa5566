package org.linqin.core.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;
import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.api.ErrorCode;

/**
 * Gives every GraphQL error a stable {@code extensions.code} (see README, "Errors") and never a stack trace:
 * errors of ours keep their message; security, locking and constraint failures get fixed codes; anything
 * unexpected becomes {@code INTERNAL} with a reference that is logged with the full exception. Messages are put into
 * the request's language ({@code Accept-Language}, see {@link Messages}), which is set as the locale of the
 * operation's {@link ExecutionInput} before it is parsed.
 */
public final class ErrorShaping {

    private ErrorShaping() {
    }

    private static final Logger LOG = Logger.getLogger(ErrorShaping.class);

    /** The instrumentation that shapes every error of a result; installed by {@link LinqinEventing}. */
    public static Instrumentation instrumentation() {
        return new CodeInstrumentation();
    }

    static final class CodeInstrumentation implements Instrumentation {
        @Override
        public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
                InstrumentationState state) {
            Locale locale = Messages.fromAcceptLanguage(acceptLanguage(input.getGraphQLContext().get("httpHeaders")));
            return input.transform(b -> b.locale(locale));
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            Locale locale = parameters.getExecutionInput() == null ? Messages.DEFAULT
                    : parameters.getExecutionInput().getLocale();
            List<GraphQLError> shaped = withoutConsequences(result.getErrors()).stream()
                    .map(error -> shape(error, locale)).toList();
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(shaped)));
        }
    }

    /** The Accept-Language of the HTTP headers SmallRye GraphQL hands over (names as the client wrote them). */
    static String acceptLanguage(Object headers) {
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if (header.getKey() instanceof String name && name.equalsIgnoreCase("Accept-Language")) {
                    Object value = header.getValue();
                    return value instanceof List<?> values ? String.join(",", values.stream().map(String::valueOf).toList())
                            : value == null ? null : value.toString();
                }
            }
        }
        return null;
    }

    /**
     * A field that failed with an error of ours and is declared non-null also yields graphql-java's "non null field
     * was null" for the same path: a consequence, not a second problem, so it is left out.
     */
    static List<GraphQLError> withoutConsequences(List<GraphQLError> errors) {
        if (errors.size() < 2) {
            return errors;
        }
        return errors.stream().filter(error -> !(error instanceof graphql.execution.NonNullableFieldWasNullError
                && errors.stream().anyMatch(other -> other != error
                        && !(other instanceof graphql.execution.NonNullableFieldWasNullError)
                        && (other.getPath() == null || error.getPath() == null // input errors carry no path
                                || other.getPath().size() >= error.getPath().size()
                                && other.getPath().subList(0, error.getPath().size()).equals(error.getPath())))))
                .toList();
    }

    static GraphQLError shape(GraphQLError error, Locale locale) {
        if (error instanceof ShapedError) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, fetching.getException(), locale);
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax) {
            return InputErrorMessages.shape(error, locale);
        }
        if (type == ErrorType.ExecutionAborted
                || error instanceof graphql.introspection.GoodFaithIntrospection.BadFaithIntrospectionError) {
            return build(error, LibraryMessages.translate(error.getMessage(), locale), "QUERY_TOO_COMPLEX", Map.of());
        }
        if (error.getExtensions() != null && error.getExtensions().get("code") != null) {
            return build(error, LibraryMessages.translate(error.getMessage(), locale),
                    String.valueOf(error.getExtensions().get("code")), Map.of());
        }
        String reference = UUID.randomUUID().toString();
        if (closedUnderneath(error.getMessage())) {
            LOG.debugf("Field %s given up after the client disconnected (%s)", error.getPath(), error.getMessage());
        } else {
            LOG.errorf("Internal error %s at %s: %s", reference, error.getPath(), error.getMessage());
        }
        return build(error, text(Msg.of("core.error.internal", reference), locale), "INTERNAL", Map.of());
    }

    private static String text(Msg msg, Locale locale) {
        return Messages.render(msg, locale);
    }

    private static GraphQLError fromException(GraphQLError error, Throwable thrown, Locale locale) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationFailedException v) {
                List<Map<String, String>> fields = v.fieldErrors().stream()
                        .map(f -> Map.of("field", f.field(), "message", text(f.message(), locale))).toList();
                return build(error, v.message(locale), "VALIDATION_FAILED", v.reason() == null
                        ? Map.of("fields", fields) : Map.of("fields", fields, "reason", v.reason()));
            }
            if (t instanceof ApiException api) {
                return build(error, api.message(locale), codeOf(api.getClass()),
                        api.reason() == null ? Map.of() : Map.of("reason", api.reason()));
            }
            if (t instanceof graphql.schema.CoercingParseValueException
                    || t instanceof graphql.schema.CoercingParseLiteralException
                    || t instanceof io.smallrye.graphql.transformation.TransformException) {
                return InputErrorMessages.shape(error, t, locale);
            }
            if (t instanceof io.quarkus.security.UnauthorizedException
                    || t instanceof io.quarkus.security.AuthenticationFailedException) {
                return build(error, text(Msg.of("core.error.unauthenticated"), locale), "UNAUTHENTICATED", Map.of());
            }
            if (t instanceof io.quarkus.security.ForbiddenException) {
                return build(error, text(Msg.of("core.error.forbidden"), locale), "FORBIDDEN", Map.of());
            }
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return build(error, text(Msg.of("core.error.changedMeanwhile"), locale), "CONFLICT", Map.of());
            }
            if (t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || (t instanceof java.sql.SQLException q && ("40P01".equals(q.getSQLState())
                            || "40001".equals(q.getSQLState())))) {
                return build(error, text(Msg.of("core.error.retry"), locale), "CONFLICT", Map.of("reason", "RETRY"));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return build(error, text(Msg.of("core.error.constraint", c.getConstraintName()), locale),
                        "CONFLICT", Map.of());
            }
            if (t instanceof jakarta.validation.ConstraintViolationException c) {
                List<Map<String, String>> fields = c.getConstraintViolations().stream()
                        .map(v -> Map.of("field", v.getPropertyPath().toString(),
                                "message", text(ConstraintMessages.of(v), locale)))
                        .toList();
                return build(error, text(Msg.of("core.error.validation"), locale), "VALIDATION_FAILED",
                        Map.of("fields", fields));
            }
            if (t.getCause() == t) {
                break;
            }
        }
        String reference = UUID.randomUUID().toString();
        if (closedUnderneath(causes(thrown))) {
            // the client disconnected: the request's session and statements were closed under the running fields
            LOG.debugf("Field %s given up after the client disconnected (%s)", error.getPath(), thrown);
        } else {
            LOG.errorf(thrown, "Internal error %s at %s", reference, error.getPath());
        }
        return build(error, text(Msg.of("core.error.internal", reference), locale), "INTERNAL", Map.of());
    }

    /** The messages of an exception and its causes, one per line. */
    private static String causes(Throwable thrown) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = thrown; t != null && all.length() < 100_000; t = t.getCause()) {
            all.append(t).append('\n');
        }
        return all.toString();
    }

    /**
     * A field failed because its session or statement was closed under it (or its SQL cancelled by
     * {@code CancelOnDisconnect}), and the HTTP client of the request has gone: the request was given up (the client
     * disconnected), nothing went wrong in the server.
     */
    static boolean closedUnderneath(String failure) {
        if (failure == null || !(failure.contains("is closed") || failure.contains("has been closed")
                || failure.contains("JDBC exception") || failure.contains("canceling statement due to user request")
                || failure.contains("ContextNotActiveException"))) {
            return false;
        }
        try {
            var request = io.quarkus.arc.Arc.container().instance(io.quarkus.vertx.http.runtime.CurrentVertxRequest.class)
                    .get().getCurrent();
            return request == null || request.response().closed() || request.response().ended();
        } catch (RuntimeException requestContextEnded) {
            return true;
        }
    }

    private static String codeOf(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            ErrorCode code = c.getAnnotation(ErrorCode.class);
            if (code != null) {
                return code.value();
            }
        }
        return "INTERNAL";
    }

    static GraphQLError build(GraphQLError error, String message, String code, Map<String, Object> extra) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(extra);
        return new ShapedError(message, error.getLocations(), error.getPath(), extensions);
    }
}
