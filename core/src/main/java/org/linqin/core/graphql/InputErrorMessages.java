package org.linqin.core.graphql;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linqin.core.i18n.Messages;
import org.linqin.core.i18n.Msg;

import graphql.GraphQLError;

/**
 * Rewrites what graphql-java and SmallRye GraphQL say about wrong input into {@code VALIDATION_FAILED} errors that
 * name the argument or variable and say what is expected, in the request's language, without Java type names or
 * parser internals ({@code IntValue{value=…}}, {@code 'BigInteger'}, {@code Unknown Scalar Type [java.util.List]}).
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

    static GraphQLError shape(GraphQLError error, Locale locale) {
        return shape(error, error.getMessage(), locale);
    }

    static GraphQLError shape(GraphQLError error, Throwable cause, Locale locale) {
        return shape(error, cause instanceof io.smallrye.graphql.transformation.TransformException
                ? error.getMessage() : cause.getMessage(), locale);
    }

    private static GraphQLError shape(GraphQLError error, String raw, Locale locale) {
        if (raw == null) {
            return ErrorShaping.build(error, Messages.render(Msg.of("core.input.invalid"), locale), "VALIDATION_FAILED",
                    Map.of());
        }
        String message = SMALLRYE_CODE.matcher(raw).replaceAll("");
        Matcher wrong = WRONG_ARGUMENT.matcher(message);
        if (wrong.matches()) {
            String reason = wrong.group(3) != null ? readable(wrong.group(3), locale)
                    : Messages.render(Msg.of("core.input.expected", expected(wrong.group(2))), locale);
            return failed(error, wrong.group(1), reason, locale);
        }
        Matcher argument = ARGUMENT.matcher(message);
        if (argument.matches()) {
            return failed(error, argument.group(1), readable(argument.group(2), locale), locale);
        }
        Matcher variable = VARIABLE.matcher(message);
        if (variable.matches()) {
            return failed(error, "$" + variable.group(1), readable(variable.group(2), locale), locale);
        }
        return ErrorShaping.build(error, readable(message, locale), "VALIDATION_FAILED", Map.of());
    }

    private static GraphQLError failed(GraphQLError error, String field, String reason, Locale locale) {
        return ErrorShaping.build(error, Messages.render(Msg.of("core.input.failedField", field, reason), locale),
                "VALIDATION_FAILED", Map.of("fields", List.of(Map.of("field", field, "message", reason))));
    }

    /** A reason in the language: a message of graphql-java's or the kernel's patterns, or a Java type explained. */
    private static String readable(String reason, Locale locale) {
        return LibraryMessages.match(reason).map(msg -> Messages.render(msg, locale)).orElseGet(() -> {
            Matcher javaType = JAVA_TYPE.matcher(reason);
            String explained = javaType.replaceAll(m -> Matcher.quoteReplacement(
                    Messages.render(Msg.of("core.input.expected", expected(m.group(1))), locale)));
            return LibraryMessages.translate(explained, locale);
        });
    }

    /** What a scalar or Java type name means to a client developer. */
    private static Msg expected(String type) {
        return Msg.of(switch (type) {
            case "Int" -> "core.input.expected.int";
            case "BigInteger", "Long" -> "core.input.expected.wholeNumber";
            case "BigDecimal", "Float" -> "core.input.expected.number";
            case "Boolean" -> "core.input.expected.boolean";
            case "Map" -> "core.input.expected.object";
            case "List" -> "core.input.expected.list";
            case "Date" -> "core.input.expected.date";
            case "DateTime" -> "core.input.expected.dateTime";
            case "Time" -> "core.input.expected.time";
            case "String", "ID" -> "core.input.expected.string";
            default -> "core.input.expected.other";
        });
    }
}
