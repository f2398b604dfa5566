package org.linqin.core.graphql;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.GraphQLError;

/**
 * Rewrites what graphql-java and SmallRye GraphQL say about wrong input into {@code VALIDATION_FAILED} errors that
 * name the argument or variable and say what is expected, without Java type names or parser internals
 * ({@code IntValue{value=…}}, {@code 'BigInteger'}, {@code Unknown Scalar Type [java.util.List]}).
 */
final class InputErrorMessages {

    /** graphql-java's and SmallRye's "argument 'x' with value '…' is not a valid 'T' - reason". */
    private static final Pattern WRONG_ARGUMENT = Pattern.compile(
            "(?s).*?argument '([^']+)' with value '.*' is not a valid '([^']*(?:\\[[^\\]]*\\])?)'(?: - (.*))?");
    /** graphql-java's other argument complaints: "argument 'x' with value '…' <reason>". */
    private static final Pattern ARGUMENT = Pattern.compile("(?s).*?argument '([^']+)' with value '.*?' (.*)");
    private static final Pattern VARIABLE = Pattern.compile("(?s)Variable '([^']+)' has an invalid value: (.*)");
    private static final Pattern JAVA_TYPE = Pattern.compile("Expected type '(Map|List|[A-Z][A-Za-z]*)' but was '([^']*)'\\.?");
    private static final Pattern SMALLRYE_CODE = Pattern.compile("SRGQL\\d+: ");

    private InputErrorMessages() {
    }

    static GraphQLError shape(GraphQLError error) {
        return shape(error, error.getMessage());
    }

    static GraphQLError shape(GraphQLError error, Throwable cause) {
        return shape(error, cause instanceof io.smallrye.graphql.transformation.TransformException
                ? error.getMessage() : cause.getMessage());
    }

    private static GraphQLError shape(GraphQLError error, String raw) {
        String message = raw == null ? "Invalid input" : SMALLRYE_CODE.matcher(raw).replaceAll("");
        Matcher wrong = WRONG_ARGUMENT.matcher(message);
        if (wrong.matches()) {
            String reason = wrong.group(3) != null ? wrong.group(3) : "Expected " + expected(wrong.group(2));
            return failed(error, wrong.group(1), reason);
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.matches()) {
            return failed(error, argument.group(1), argument.group(2));
        }
        Matcher variable = VARIABLE.matcher(message);
        if (variable.matches()) {
            return failed(error, "$" + variable.group(1), readable(variable.group(2)));
        }
        return ErrorShaping.build(error, readable(message), "VALIDATION_FAILED", Map.of());
    }

    private static GraphQLError failed(GraphQLError error, String field, String reason) {
        String readable = readable(reason);
        return ErrorShaping.build(error, "Validation failed: " + field + ": " + readable, "VALIDATION_FAILED",
                Map.of("fields", List.of(Map.of("field", field, "message", readable))));
    }

    private static String readable(String reason) {
        Matcher javaType = JAVA_TYPE.matcher(reason);
        return javaType.replaceAll(m -> "Expected " + expected(m.group(1)) + ".");
    }

    /** What a scalar or Java type name means to a client developer. */
    private static String expected(String type) {
        return switch (type) {
            case "Int" -> "a whole number from -2147483648 to 2147483647";
            case "BigInteger", "Long" -> "a whole number; for an id, digits such as \"42\"";
            case "BigDecimal", "Float" -> "a number";
            case "Boolean" -> "true or false";
            case "Map" -> "an object";
            case "List" -> "a list";
            case "Date" -> "a date like 2026-12-01";
            case "DateTime" -> "a date-time with offset like 2026-12-01T19:30:00+08:00";
            case "Time" -> "a time like 19:30";
            case "String", "ID" -> "a string";
            default -> "a value of the declared type";
        };
    }
}
