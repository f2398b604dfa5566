package org.linqin.core.graphql;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import org.linqin.core.i18n.Msg;


import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.IntValue;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;

/**
 * Input scalars that refuse what the database or the Java types cannot hold, before anything runs: whole numbers
 * outside 32 bits (SmallRye's Int would wrap them) or with a fraction, ids that are not strings or numbers, NUL
 * characters (PostgreSQL cannot store them), dates and times that are not ISO-8601 or lie outside the years 1 to
 * 9999. The refusals become {@code VALIDATION_FAILED} naming the argument or variable, in words a client developer
 * understands. Output (serialisation) is left to the original scalars.
 */
public final class StrictScalars {

    /** Longest string a date, time or date-time argument may have. */
    private static final int TEMPORAL_MAX_LENGTH = 64;

    private static final Map<String, Function<Coercing<?, ?>, Coercing<?, ?>>> STRICT = Map.of(
            "Int", original -> new Strict(original, StrictScalars::wholeNumber32),
            "BigInteger", original -> new Strict(original, StrictScalars::wholeNumber64),
            "String", original -> new Strict(original, StrictScalars::text),
            "ID", original -> new Strict(original, StrictScalars::id),
            "Date", original -> new Strict(original, value -> temporal(value, "date", DateTimeFormatter.ISO_LOCAL_DATE)),
            "DateTime", original -> new Strict(original, value -> temporal(value, "dateTime",
                    DateTimeFormatter.ISO_DATE_TIME)),
            "Time", original -> new Strict(original, value -> temporal(value, "time", DateTimeFormatter.ISO_TIME)));

    private StrictScalars() {
    }

    /**
     * Puts the checks in front of the schema's scalars. The scalars are changed in place: a schema rebuilt with
     * {@code SchemaTransformer} loses part of SmallRye GraphQL's batching (measured: nested lists then took more
     * statements as the data grew), and graphql-java offers no other way to replace a scalar's coercing.
     */
    public static GraphQLSchema apply(GraphQLSchema schema) {
        STRICT.forEach((name, strict) -> {
            if (schema.getType(name) instanceof GraphQLScalarType scalar && !(scalar.getCoercing() instanceof Strict)) {
                try {
                    Field coercing = GraphQLScalarType.class.getDeclaredField("coercing");
                    coercing.setAccessible(true);
                    coercing.set(scalar, strict.apply(scalar.getCoercing()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot make scalar " + name + " strict on this graphql-java", e);
                }
            }
        });
        return schema;
    }

    /** Checks an input value (a variable's JSON value or a literal's Java value) and returns it as accepted. */
    @FunctionalInterface
    interface Check {
        /** @return the accepted value; throws {@link Refused} otherwise */
        Object accept(Object value);
    }

    /**
     * A refusal, worded in English from the kernel's bundle ({@code core.scalar.*}): graphql-java carries it as text,
     * and {@link LibraryMessages} finds the key again to put it into the request's language.
     */
    static final class Refused extends RuntimeException {
        Refused(String key, Object... args) {
            super(Msg.of("core.scalar." + key, args).toString(), null, false, false);
        }
    }

    private static Object wholeNumber32(Object value) {
        BigInteger whole = wholeNumber(value, "int");
        if (whole.bitLength() > 31) {
            throw new Refused("int", whole);
        }
        return whole.intValue();
    }

    private static Object wholeNumber64(Object value) {
        BigInteger whole = wholeNumber(value, "long");
        if (whole.bitLength() > 63) {
            throw new Refused("long", whole);
        }
        return whole.longValue();
    }

    private static BigInteger wholeNumber(Object value, String expected) {
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigInteger.valueOf(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return big;
        }
        if (value instanceof BigDecimal || value instanceof Double || value instanceof Float) {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                throw new Refused(expected, shorten(value));
            }
            if (decimal.stripTrailingZeros().scale() > 0 || decimal.precision() - decimal.scale() > 40) {
                throw new Refused(expected, shorten(value));
            }
            return decimal.toBigIntegerExact();
        }
        throw new Refused(expected, describe(value));
    }

    private static Object text(Object value) {
        if (!(value instanceof String text)) {
            throw new Refused("string", describe(value));
        }
        return noNul(text);
    }

    private static Object id(Object value) {
        if (value instanceof String text) {
            return noNul(text);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return value.toString();
        }
        throw new Refused("id", describe(value));
    }

    private static String noNul(String text) {
        if (text.indexOf('\u0000') >= 0) {
            throw new Refused("nul");
        }
        return text;
    }

    private static Object temporal(Object value, String expected, DateTimeFormatter format) {
        if (!(value instanceof String text) || text.length() > TEMPORAL_MAX_LENGTH) {
            throw new Refused(expected, describe(value));
        }
        TemporalAccessor parsed;
        try {
            parsed = format.parse(text);
        } catch (DateTimeParseException e) {
            throw new Refused(expected, describe(text));
        }
        if (parsed.isSupported(ChronoField.YEAR)) {
            int year = parsed.get(ChronoField.YEAR);
            if (year < 1 || year > 9999) {
                throw new Refused(expected + ".years", describe(text));
            }
        }
        return text;
    }

    /** The value as JSON would show it, shortened: the same in every language. */
    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "{…}";
        }
        if (value instanceof Iterable || value.getClass().isArray()) {
            return "[…]";
        }
        if (value instanceof Boolean || value instanceof Number) {
            return shorten(value);
        }
        if (value instanceof String text) {
            return "\"" + shorten(text) + "\"";
        }
        return "?";
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** Literal values of the document, turned into what a variable of JSON would carry. */
    private static Object literal(Value<?> value) {
        if (value instanceof IntValue number) {
            return number.getValue();
        }
        if (value instanceof StringValue text) {
            return text.getValue();
        }
        if (value instanceof graphql.language.FloatValue number) {
            return number.getValue();
        }
        if (value instanceof graphql.language.BooleanValue bool) {
            return bool.isValue();
        }
        if (value instanceof graphql.language.ObjectValue) {
            return Map.of();
        }
        if (value instanceof graphql.language.ArrayValue) {
            return java.util.List.of();
        }
        return null;
    }

    /** A scalar's coercing with the check in front of the original's parsing. */
    @SuppressWarnings({ "rawtypes", "unchecked", "deprecation" })
    static final class Strict implements Coercing<Object, Object> {
        private final Coercing original;
        private final Check check;

        Strict(Coercing<?, ?> original, Check check) {
            this.original = original;
            this.check = check;
        }

        @Override
        public Object serialize(Object result, GraphQLContext context, Locale locale) throws CoercingSerializeException {
            return original.serialize(result, context, locale);
        }

        @Override
        public Object serialize(Object result) {
            return original.serialize(result);
        }

        @Override
        public Object parseValue(Object input, GraphQLContext context, Locale locale) {
            Object accepted;
            try {
                accepted = check.accept(input);
            } catch (Refused e) {
                throw new CoercingParseValueException(e.getMessage());
            }
            return original.parseValue(accepted, context, locale);
        }

        @Override
        public Object parseValue(Object input) {
            return parseValue(input, GraphQLContext.getDefault(), Locale.getDefault());
        }

        @Override
        public Object parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context, Locale locale) {
            try {
                check.accept(literal(input));
            } catch (Refused e) {
                throw new CoercingParseLiteralException(e.getMessage());
            }
            return original.parseLiteral(input, variables, context, locale);
        }

        @Override
        public Object parseLiteral(Object input) {
            return parseLiteral((Value<?>) input, CoercedVariables.emptyVariables(), GraphQLContext.getDefault(),
                    Locale.getDefault());
        }

        @Override
        public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
            return original.valueToLiteral(input, context, locale);
        }
    }
}
