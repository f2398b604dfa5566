package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLInputObjectField;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLInputType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A schema-driven fuzz test: with a fixed seed, thousands of requests over every query and mutation of the
 * published schema, each argument given plausible or hostile values (out-of-range and fractional numbers, NUL
 * characters, far-off dates, nulls in lists, objects where scalars belong, unknown enum values, …), as variables
 * and as literals, by callers of every kind (staff, resident, member of another community, anonymous, platform
 * admin), plus malformed HTTP bodies. No answer may be an HTTP 5xx, an INTERNAL error or an error without a code,
 * and the server must be healthy afterwards.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20261128L;
    private static final int REQUESTS_PER_OPERATION = 24;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An enum value, written bare in a literal and as a string in variables. */
    record EnumValue(String name) {
    }

    private final Random random = new Random(SEED);

    @Test
    void hostileInputNeverBreaksTheServer() throws IOException {
        GraphQLSchema schema = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().parse(
                Files.readString(SchemaContractTest.CONTRACT, StandardCharsets.UTF_8)));
        List<String> callers = List.of("community-admin", "community-admin", "property-staff", "resident",
                "second-resident", "admin", "");
        Map<String, String> tokens = new LinkedHashMap<>();
        callers.stream().filter(c -> !c.isEmpty()).distinct().forEach(c -> tokens.put(c, Api.token(c)));

        List<String> problems = new ArrayList<>();
        Map<String, Integer> codes = new TreeMap<>();
        int requests = 0;
        for (GraphQLObjectType root : List.of(schema.getQueryType(), schema.getMutationType())) {
            String kind = root == schema.getQueryType() ? "query" : "mutation";
            for (GraphQLFieldDefinition operation : root.getFieldDefinitions()) {
                for (int i = 0; i < REQUESTS_PER_OPERATION; i++) {
                    String caller = callers.get(random.nextInt(callers.size()));
                    Map<String, Object> body = request(kind, operation, random.nextBoolean());
                    Response response = send(tokens.get(caller), JSON.writeValueAsString(body));
                    requests++;
                    judge(operation.getName() + " " + body, response, problems, codes);
                }
            }
        }
        for (String raw : malformedBodies()) {
            for (int i = 0; i < 5; i++) {
                requests++;
                judge("body " + raw, send(tokens.get("community-admin"), raw), problems, codes);
            }
        }
        System.out.printf("Fuzz test (seed %d): %d requests, codes %s, problems %d%n", SEED, requests, codes,
                problems.size());
        assertThat(problems).as("answers that break the rules (5xx, INTERNAL, no code)").isEmpty();
        assertThat(requests).isGreaterThan(2000);
        assertThat(given().get("/q/health").then().statusCode(200).extract().asString()).contains("\"UP\"");
    }

    private static Response send(String token, String body) {
        var request = given().header("Content-Type", "application/json").header("X-Community", "changqing-6")
                .body(body);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.post("/graphql");
    }

    private static void judge(String what, Response response, List<String> problems, Map<String, Integer> codes) {
        int status = response.statusCode();
        if (status >= 500) {
            problems.add(status + " for " + shorten(what));
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.asString());
        } catch (IOException e) {
            problems.add("no JSON for " + shorten(what) + ": " + shorten(response.asString()));
            return;
        }
        for (JsonNode error : body.path("errors")) {
            String code = error.at("/extensions/code").asText();
            codes.merge(code.isEmpty() ? "(none)" : code, 1, Integer::sum);
            if (code.isEmpty() || code.equals("INTERNAL")) {
                problems.add((code.isEmpty() ? "no code" : code) + " for " + shorten(what) + ": "
                        + error.path("message").asText());
            }
            String message = error.path("message").asText();
            if (message.matches("(?s).*(java\\.|BigInteger|Unknown Scalar|Exception|IntValue\\{|StringValue\\{|\\[a-z|\\\\d).*")) {
                problems.add("internal wording for " + shorten(what) + ": " + message);
            }
        }
    }

    private Map<String, Object> request(String kind, GraphQLFieldDefinition operation, boolean asVariables) {
        StringBuilder declarations = new StringBuilder();
        StringBuilder arguments = new StringBuilder();
        Map<String, Object> variables = new LinkedHashMap<>();
        for (GraphQLArgument argument : operation.getArguments()) {
            if (!GraphQLTypeUtil.isNonNull(argument.getType()) && random.nextInt(3) == 0) {
                continue; // leave optional arguments out now and then
            }
            Object value = value(argument.getType(), 0);
            if (asVariables) {
                declarations.append(declarations.length() == 0 ? "" : ", ").append('$').append(argument.getName())
                        .append(": ").append(GraphQLTypeUtil.simplePrint(argument.getType()));
                arguments.append(arguments.length() == 0 ? "" : ", ").append(argument.getName()).append(": $")
                        .append(argument.getName());
                variables.put(argument.getName(), jsonOf(value));
            } else {
                arguments.append(arguments.length() == 0 ? "" : ", ").append(argument.getName()).append(": ")
                        .append(literal(value));
            }
        }
        String document = kind + (declarations.length() == 0 ? "" : "(" + declarations + ")") + " { "
                + operation.getName() + (arguments.length() == 0 ? "" : "(" + arguments + ")")
                + selection(operation.getType()) + " }";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        return body;
    }

    /** Scalar fields of the result (the first few), or its connection's count and cursors. */
    private static String selection(GraphQLOutputType type) {
        GraphQLType unwrapped = GraphQLTypeUtil.unwrapAll(type);
        if (!(unwrapped instanceof GraphQLObjectType object)) {
            return "";
        }
        if (object.getFieldDefinition("edges") != null) {
            return " { totalCount edges { cursor } pageInfo { hasNextPage } }";
        }
        List<String> scalars = object.getFieldDefinitions().stream()
                .filter(f -> f.getArguments().isEmpty())
                .filter(f -> GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLScalarType
                        || GraphQLTypeUtil.unwrapAll(f.getType()) instanceof GraphQLEnumType)
                .map(GraphQLFieldDefinition::getName).limit(8).toList();
        return " { __typename " + String.join(" ", scalars) + " }";
    }

    /** A plausible value most of the time, a hostile one otherwise. */
    private Object value(GraphQLInputType type, int depth) {
        if (random.nextInt(10) == 0) {
            return hostileAny();
        }
        if (type instanceof GraphQLNonNull nonNull) {
            return value((GraphQLInputType) nonNull.getWrappedType(), depth);
        }
        if (type instanceof GraphQLList list) {
            int size = random.nextInt(4);
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                values.add(random.nextInt(6) == 0 ? null : value((GraphQLInputType) list.getWrappedType(), depth + 1));
            }
            return values;
        }
        if (type instanceof GraphQLEnumType enumType) {
            return random.nextInt(6) == 0 ? new EnumValue("NO_SUCH_VALUE")
                    : new EnumValue(enumType.getValues().get(random.nextInt(enumType.getValues().size())).getName());
        }
        if (type instanceof GraphQLInputObjectType object) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (depth > 3) {
                return fields;
            }
            for (GraphQLInputObjectField field : object.getFieldDefinitions()) {
                if (GraphQLTypeUtil.isNonNull(field.getType()) || random.nextBoolean()) {
                    fields.put(field.getName(), value(field.getType(), depth + 1));
                }
            }
            if (random.nextInt(8) == 0) {
                fields.put("noSuchField", 1);
            }
            return fields;
        }
        return scalar(((GraphQLScalarType) type).getName());
    }

    private Object scalar(String name) {
        List<Object> pool = switch (name) {
            case "Int" -> List.of(0, 1, 5, 20, -1, 100, 101, Integer.MAX_VALUE, 2147483648L, -2147483649L,
                    4294967301L, 1.5, 1e30);
            case "BigInteger" -> List.of(0, 1, -1, Long.MAX_VALUE, new java.math.BigInteger("99999999999999999999"),
                    2.5);
            case "Float", "BigDecimal" -> List.of(0, 1.5, -1e308, 1e308);
            case "Boolean" -> List.of(true, false);
            case "ID" -> List.of("1", "0", "-1", "abc", "999999999", "9223372036854775807", "99999999999999999999",
                    "1\u0000", 7);
            case "Date" -> List.of("2026-12-01", "2027-01-15", "+999999999-12-31", "-999999999-01-01",
                    "2026-02-30", "0000-01-01", "2026-1-1", "");
            case "DateTime" -> List.of("2026-12-01T10:00:00+08:00", "2026-12-01T10:00:00Z",
                    "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2026-12-01",
                    "2026-12-01T25:00:00+08:00", "2026-12-01T10:00:00+99:00");
            case "Time" -> List.of("10:00", "10:00:00", "23:59", "25:00", "10:60", "x");
            default -> List.of("changqing-7", "", "a", "矩阵", "x".repeat(10_000), "a\u0000b", "'; drop table x; --",
                    "%_\\", "😀", "community-admin", "safety=grid-worker", "max-pinned", "notice-board", "MONDAY",
                    "fuzz-" + random.nextInt(1000));
        };
        return pool.get(random.nextInt(pool.size()));
    }

    private Object hostileAny() {
        List<Object> pool = new ArrayList<>(List.of(Map.of("a", 1), List.of(), List.of(Map.of()), "x", 1.5,
                4294967301L, true, "\u0000", "+999999999-12-31", new EnumValue("NO_SUCH_VALUE")));
        pool.add(null);
        return pool.get(random.nextInt(pool.size()));
    }

    private static Object jsonOf(Object value) {
        if (value instanceof EnumValue e) {
            return e.name();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(FuzzTest::jsonOf).toList();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, jsonOf(v)));
            return copy;
        }
        return value;
    }

    private static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof EnumValue e) {
            return e.name();
        }
        if (value instanceof String text) {
            try {
                return JSON.writeValueAsString(text);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(", ", list.stream().map(FuzzTest::literal).toList()) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> fields = new ArrayList<>();
            map.forEach((k, v) -> fields.add(k + ": " + literal(v)));
            return "{" + String.join(", ", fields) + "}";
        }
        return String.valueOf(value);
    }

    private static List<String> malformedBodies() {
        return List.of("{\"query\":\"{ communities { totalCount } }\",\"variables\":\"x\"}",
                "{\"query\":\"{ communities { totalCount } }\",\"variables\":5}",
                "{\"query\":\"{ communities { totalCount } }\",\"variables\":[1]}",
                "{\"query\":\"{ communities { totalCount } }\",\"operationName\":{}}",
                "[{\"query\":\"{ communities { totalCount } }\"}]", "{bad json", "null", "5", "\"text\"", "",
                "{\"query\":5}", "{}", "{\"query\":\"{ communities { \"}", "{\"query\":\"subscription { incidentChanges { id } }\"}",
                "{\"query\":\"{ communities { totalCount } }\",\"extensions\":\"x\"}",
                "{\"query\":\"" + "{ a ".repeat(3000) + "\"}");
    }

    private static String shorten(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
