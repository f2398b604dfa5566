package org.linqin.core.graphql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.function.Function;

import graphql.schema.GraphQLScalarType;

/**
 * What the schema tells client developers and code generators about Linqin's scalars: the JSON form of each value,
 * in English and Chinese, and the published scalar specification its results follow, as {@code specifiedByURL} in
 * introspection and in the description. SmallRye describes them only as "Scalar for Date". The printed schema cannot
 * show {@code @specifiedBy}: SmallRye prints applied directives all or none, and "all" would publish its
 * {@code @rolesAllowed} directives, which name only the first of an operation's roles.
 */
public final class PublishedScalars {

    record Published(String english, String chinese, String specifiedBy) {
        String description() {
            return english + (specifiedBy == null ? "" : " Specified by " + specifiedBy + ".") + " " + chinese;
        }
    }

    static final Map<String, Published> SCALARS = Map.of(
            "DateTime", new Published("A date and time with its offset from UTC as text, RFC 3339 (ISO-8601), e.g. "
                    + "`2026-12-01T19:30:00+08:00`; results always carry seconds and the offset.",
                    "日期时间（含时区偏移）", "https://scalars.graphql.org/andimarek/date-time"),
            "Date", new Published("A calendar date as text, ISO-8601 `YYYY-MM-DD`, e.g. `2026-12-01`.", "日期",
                    "https://scalars.graphql.org/andimarek/local-date"),
            "Time", new Published("A time of day without date or offset as text, ISO-8601 `hh:mm:ss`, e.g. "
                    + "`19:30:00`; input also accepts `19:30`.", "时刻",
                    "https://scalars.graphql.org/apollographql/localtime-v0.1"),
            "BigInteger", new Published(
                    "A whole number of at most 64 bits, as a JSON number (exact in JavaScript up to 2^53).",
                    "整数（64位）", null),
            "BigDecimal", new Published("A decimal number, as a JSON number, e.g. `4.25`.", "小数", null));

    private PublishedScalars() {
    }

    /**
     * Describes the scalars in place before the schema is built and printed (SmallRye's scalars are shared
     * instances), as {@link StrictScalars} changes their coercing: graphql-java's types are immutable and a schema
     * rebuilt around new scalars loses part of SmallRye's batching. The scalar is rebuilt with the builder and its
     * description and URL are copied over.
     */
    public static void apply(Function<String, GraphQLScalarType> scalars) {
        SCALARS.forEach((name, published) -> {
            GraphQLScalarType scalar = scalars.apply(name);
            if (scalar != null && !published.description().equals(scalar.getDescription())) {
                GraphQLScalarType described = scalar.transform(b -> b.specifiedByUrl(published.specifiedBy())
                        .description(published.description()));
                copy(described, scalar, "description", "specifiedByUrl");
            }
        });
    }

    private static void copy(GraphQLScalarType from, GraphQLScalarType to, String... fields) {
        for (String name : fields) {
            try {
                Field field = GraphQLScalarType.class.getDeclaredField(name);
                if (Modifier.isStatic(field.getModifiers())) {
                    throw new NoSuchFieldException(name);
                }
                field.setAccessible(true);
                field.set(to, field.get(from));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot describe scalar " + to.getName() + " on this graphql-java", e);
            }
        }
    }
}
