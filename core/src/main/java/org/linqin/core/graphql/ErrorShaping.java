package org.linqin.core.graphql;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import io.smallrye.graphql.api.ErrorCode;

/**
 * Gives every GraphQL error a stable {@code extensions.code} (see README, "Errors") and never a stack trace:
 * errors of ours keep their message; security, locking and constraint failures get fixed codes; anything
 * unexpected becomes {@code INTERNAL} with a reference that is logged with the full exception.
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
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            if (result.getErrors().isEmpty()) {
                return CompletableFuture.completedFuture(result);
            }
            List<GraphQLError> shaped = withoutConsequences(result.getErrors()).stream().map(ErrorShaping::shape)
                    .toList();
            return CompletableFuture.completedFuture(result.transform(b -> b.errors(shaped)));
        }
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

    static GraphQLError shape(GraphQLError error) {
        if (error instanceof ShapedError) {
            return error;
        }
        if (error instanceof ExceptionWhileDataFetching fetching) {
            return fromException(error, fetching.getException());
        }
        ErrorClassification type = error.getErrorType();
        if (type == ErrorType.ValidationError || type == ErrorType.InvalidSyntax) {
            return InputErrorMessages.shape(error);
        }
        if (type == ErrorType.ExecutionAborted) {
            return build(error, error.getMessage(), "QUERY_TOO_COMPLEX", Map.of());
        }
        if (error.getExtensions() != null && error.getExtensions().get("code") != null) {
            return build(error, error.getMessage(), String.valueOf(error.getExtensions().get("code")), Map.of());
        }
        String reference = UUID.randomUUID().toString();
        if (closedUnderneath(error.getMessage())) {
            LOG.debugf("Field %s given up after the client disconnected (%s)", error.getPath(), error.getMessage());
        } else {
            LOG.errorf("Internal error %s at %s: %s", reference, error.getPath(), error.getMessage());
        }
        return build(error, "Internal error; reference " + reference, "INTERNAL", Map.of());
    }

    private static GraphQLError fromException(GraphQLError error, Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof ValidationFailedException v) {
                List<Map<String, String>> fields = v.fieldErrors().stream()
                        .map(f -> Map.of("field", f.field(), "message", f.message())).toList();
                return build(error, v.getMessage(), "VALIDATION_FAILED", v.reason() == null
                        ? Map.of("fields", fields) : Map.of("fields", fields, "reason", v.reason()));
            }
            if (t instanceof ApiException api) {
                return build(error, api.getMessage(), codeOf(api.getClass()),
                        api.reason() == null ? Map.of() : Map.of("reason", api.reason()));
            }
            if (t instanceof graphql.schema.CoercingParseValueException
                    || t instanceof graphql.schema.CoercingParseLiteralException
                    || t instanceof io.smallrye.graphql.transformation.TransformException) {
                return InputErrorMessages.shape(error, t);
            }
            if (t instanceof io.quarkus.security.UnauthorizedException
                    || t instanceof io.quarkus.security.AuthenticationFailedException) {
                return build(error, "Sign in to do this", "UNAUTHENTICATED", Map.of());
            }
            if (t instanceof io.quarkus.security.ForbiddenException) {
                return build(error, "Your roles in the addressed community do not allow this", "FORBIDDEN", Map.of());
            }
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof org.hibernate.StaleStateException) {
                return build(error, "Someone else changed this at the same time: read it again and retry",
                        "CONFLICT", Map.of());
            }
            if (t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || (t instanceof java.sql.SQLException q && ("40P01".equals(q.getSQLState())
                            || "40001".equals(q.getSQLState())))) {
                return build(error, "The change met another one at the same time and was not made: retry",
                        "CONFLICT", Map.of("reason", "RETRY"));
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException c) {
                return build(error, "The change conflicts with existing data (" + c.getConstraintName() + ")",
                        "CONFLICT", Map.of());
            }
            if (t instanceof jakarta.validation.ConstraintViolationException c) {
                List<Map<String, String>> fields = c.getConstraintViolations().stream()
                        .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                        .toList();
                return build(error, "Validation failed", "VALIDATION_FAILED", Map.of("fields", fields));
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
        return build(error, "Internal error; reference " + reference, "INTERNAL", Map.of());
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
