package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.linqin.server.support.Api;
import org.linqin.testmodules.api.UndeclaredApi;

/**
 * The published contract: graphql-schema/schema.graphql is exactly what the server serves, every type and field
 * is described, and every example operation in graphql-schema/examples is valid against it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchemaContractTest {

    static final Path CONTRACT = Path.of("..", "graphql-schema", "schema.graphql");
    static final Path EXAMPLES = Path.of("..", "graphql-schema", "examples");
    static final String REFRESH = "mvn -B -q install -DskipTests && graphql-schema/refresh-schema.sh";

    @Test
    @Order(1)
    void theServedSchemaIsThePublishedContract() throws IOException {
        String served = withoutTestOnlyOperations(
                given().get("/graphql/schema.graphql").then().statusCode(200).extract().asString());
        String published = Files.exists(CONTRACT) ? Files.readString(CONTRACT, StandardCharsets.UTF_8) : "";
        assertThat(published)
                .as("graphql-schema/schema.graphql differs from the schema the server serves. If the change is "
                        + "intended, refresh the file with:\n  " + REFRESH + "\n")
                .isEqualTo(served);
    }

    @Test
    void everyTypeAndFieldIsDescribed() throws IOException {
        GraphQLSchema schema = contract();
        List<String> undescribed = new ArrayList<>();
        for (GraphQLNamedType type : schema.getAllTypesAsList()) {
            String name = type.getName();
            if (name.startsWith("__") || List.of("String", "Boolean", "Int", "Float", "ID").contains(name)) {
                continue;
            }
            if (type.getDescription() == null || type.getDescription().isBlank()) {
                undescribed.add("type " + name);
            }
            if (type instanceof GraphQLFieldsContainer fields) {
                fields.getFieldDefinitions().stream().filter(f -> f.getDescription() == null)
                        .forEach(f -> undescribed.add(name + "." + f.getName()));
            }
            if (type instanceof GraphQLInputObjectType input) {
                input.getFieldDefinitions().stream().filter(f -> f.getDescription() == null)
                        .forEach(f -> undescribed.add(name + "." + f.getName()));
            }
            if (type instanceof GraphQLEnumType values) {
                values.getValues().stream().filter(v -> v.getDescription() == null)
                        .forEach(v -> undescribed.add(name + "." + v.getName()));
            }
        }
        assertThat(undescribed).as("types and fields without a description").isEmpty();
    }

    @Test
    void everyExampleOperationIsValid() throws IOException {
        GraphQLSchema schema = contract();
        for (Path example : examples()) {
            Document document = Parser.parse(Files.readString(example, StandardCharsets.UTF_8));
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertThat(errors).as(example.getFileName() + " is not valid against the schema").isEmpty();
        }
    }

    @Test
    void theScalarsNameTheSpecificationTheyFollow() {
        assertThat(scalar("DateTime").getString("specifiedByURL"))
                .isEqualTo("https://scalars.graphql.org/andimarek/date-time");
        assertThat(scalar("DateTime").getString("description")).contains("RFC 3339").contains("日期时间");
        assertThat(scalar("Date").getString("specifiedByURL"))
                .isEqualTo("https://scalars.graphql.org/andimarek/local-date");
        assertThat(scalar("Time").getString("specifiedByURL"))
                .isEqualTo("https://scalars.graphql.org/apollographql/localtime-v0.1");
        assertThat(scalar("BigInteger").getString("specifiedByURL")).isNull();
        assertThat(scalar("BigInteger").getString("description")).contains("JSON number");
    }

    /** One scalar by introspection (graphql-java refuses a document asking for __type more than once). */
    private static JsonPath scalar(String name) {
        JsonPath answer = Api.anonymous().gql(
                "query($name: String!) { __type(name: $name) { specifiedByURL description } }", Map.of("name", name));
        assertThat(answer.getList("errors")).as(answer.prettify()).isNull();
        return answer.setRootPath("data.__type");
    }

    @Test
    void everyExampleOperationHasAUniqueName() throws IOException {
        // Code generators name the generated types after the operation and refuse anonymous or repeated names.
        Map<String, String> seen = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Path example : examples()) {
            for (OperationDefinition operation : Parser.parse(Files.readString(example, StandardCharsets.UTF_8))
                    .getDefinitionsOfType(OperationDefinition.class)) {
                String file = example.getFileName().toString();
                if (operation.getName() == null) {
                    problems.add(file + ": an operation without a name at line "
                            + operation.getSourceLocation().getLine());
                } else if (seen.putIfAbsent(operation.getName(), file) != null) {
                    problems.add(file + ": " + operation.getName() + " is also in " + seen.get(operation.getName()));
                }
            }
        }
        assertThat(problems).as("example operations need unique names").isEmpty();
        assertThat(seen).isNotEmpty();
    }

    /** Operations of the test-only modules (org.linqin.testmodules) are not part of the contract. */
    static String withoutTestOnlyOperations(String schema) {
        return schema.replaceAll("(?m)^  \"Test module:[^\n]*\n  " + UndeclaredApi.NAME + ": String\n", "");
    }

    private static List<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> examples = files.filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
            assertThat(examples).isNotEmpty();
            return examples;
        }
    }

    private static GraphQLSchema contract() throws IOException {
        return UnExecutableSchemaGenerator.makeUnExecutableSchema(
                new SchemaParser().parse(Files.readString(CONTRACT, StandardCharsets.UTF_8)));
    }
}
