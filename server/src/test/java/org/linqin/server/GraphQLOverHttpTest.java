package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * GraphQL over HTTP as the specification asks, tried as a browser or a mini-program would: queries over GET,
 * mutations refused there, the response media type chosen from {@code Accept}, and status codes that follow it.
 */
@QuarkusTest
class GraphQLOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aQueryOverGetAnswersLikePost() {
        Response response = get(GRAPHQL_RESPONSE).queryParam("query", "{ communities { edges { node { code name } } } }")
                .get("/graphql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(GRAPHQL_RESPONSE + "; charset=utf-8");
        assertThat(response.asString()).contains("常青花园第六社区");
        Response post = given().contentType("application/json").accept(GRAPHQL_RESPONSE)
                .body("{\"query\":\"{ communities { edges { node { code name } } } }\"}").post("/graphql");
        assertThat(response.asString()).isEqualTo(post.asString());
    }

    @Test
    void getKeepsTheOperationNameVariablesAndEveryCharacterOfTheDocument() {
        // decoded twice, "%+x" would not decode at all and "+" would become a space
        String document = "# 100%+x y 社区\nquery First { __typename }\n"
                + "query Second($name: String!) { a: __type(name: $name) { name } }";
        Response response = get("application/json").queryParam("query", document)
                .queryParam("operationName", "Second").queryParam("variables", "{\"name\":\"Community\"}")
                .get("/graphql");
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        assertThat(response.jsonPath().getString("data.a.name")).isEqualTo("Community");
        assertThat(response.jsonPath().getMap("data")).doesNotContainKey("__typename");
        Response unknown = get("application/json").queryParam("query", document)
                .queryParam("operationName", "Sec+ond%20").get("/graphql");
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.jsonPath().getString("errors[0].message")).contains("Sec+ond%20");
    }

    @Test
    void aMutationOverGetIsRefusedWith405AndNotRun() {
        String name = "GET-" + UUID.randomUUID();
        String token = Api.token("community-admin");
        Response response = get(GRAPHQL_RESPONSE).header("Authorization", "Bearer " + token)
                .queryParam("query", "mutation { createCompound(input: {name: \"" + name + "\"}) { id } }")
                .get("/graphql");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("POST");
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        // a mutation named by operationName among queries is a mutation too
        Response named = get(GRAPHQL_RESPONSE).header("Authorization", "Bearer " + token)
                .queryParam("query", "query Q { __typename } mutation M { createCompound(input: {name: \"" + name
                        + "\"}) { id } }")
                .queryParam("operationName", "M").get("/graphql");
        assertThat(named.statusCode()).isEqualTo(405);
        String compounds = Api.as("community-admin").gql("{ community { compounds(first: 100) { edges { node { name } } } } }")
                .prettify();
        assertThat(compounds).doesNotContain(name);
    }

    @Test
    void malformedGetRequestsGet400() {
        assertThat(get(GRAPHQL_RESPONSE).get("/graphql").statusCode()).as("no query").isEqualTo(400);
        for (String variables : new String[] { "[]", "5", "\"x\"", "{not json", "{}x",
                "{}, \"query\": \"mutation { __typename }\"" }) {
            Response response = get(GRAPHQL_RESPONSE).queryParam("query", "{ __typename }")
                    .queryParam("variables", variables).get("/graphql");
            assertThat(response.statusCode()).as(variables).isEqualTo(400);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        }
        Response twice = get(GRAPHQL_RESPONSE).queryParam("query", "{ __typename }", "mutation { __typename }")
                .get("/graphql");
        assertThat(twice.statusCode()).isEqualTo(400);
        Response subscription = get(GRAPHQL_RESPONSE).queryParam("query", "subscription { incidentChanges { id } }")
                .get("/graphql");
        assertThat(subscription.statusCode()).isEqualTo(400);
    }

    @Test
    void theResponseTypeFollowsAccept() throws Exception {
        String[][] cases = { { null, "application/json" }, { "", "application/json" }, { "*/*", "application/json" },
                { "application/*", "application/json" }, { "application/json", "application/json" },
                { GRAPHQL_RESPONSE, GRAPHQL_RESPONSE },
                { GRAPHQL_RESPONSE + ", application/json;q=0.9", GRAPHQL_RESPONSE },
                { GRAPHQL_RESPONSE + ";q=0.5, application/json;q=0.9", "application/json" },
                { "application/json, " + GRAPHQL_RESPONSE, GRAPHQL_RESPONSE },
                { "text/html, application/xhtml+xml, */*;q=0.8", "application/json" },
                { "application/json;q=0, */*", GRAPHQL_RESPONSE },
                { "text/html", null }, { "application/json;q=0", null },
                { "application/json; charset=iso-8859-1", null }, { "application/xml, text/*", null } };
        for (String[] c : cases) {
            HttpResponse<String> response = send(c[0]);
            if (c[1] == null) {
                assertThat(response.statusCode()).as(c[0]).isEqualTo(406);
                assertThat(response.body()).as(c[0]).contains("\"code\":\"BAD_REQUEST\"");
            } else {
                assertThat(response.statusCode()).as(c[0]).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(c[0]).contains(c[1] + "; charset=utf-8");
            }
        }
    }

    /** A POST of {@code { __typename }} with this Accept header (none when null), by a client that adds none. */
    private HttpResponse<String> send(String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ __typename }\"}"));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requestErrorsAre400UnderGraphQLResponseJsonAnd200UnderJson() {
        String[] requestErrors = { "{\"query\":\"{ nope }\"}",
                "{\"query\":\"query Q($id: ID!) { compound(id: $id) { name } }\",\"variables\":{\"id\":null}}",
                "{\"query\":\"query Q($n: Int!) { communities(first: $n) { totalCount } }\",\"variables\":{\"n\":\"x\"}}",
                "{\"query\":\"query A { __typename } query B { __typename }\"}",
                "{\"query\":\"{ __typename }\",\"operationName\":\"Missing\"}" };
        for (String body : requestErrors) {
            Response strict = post(GRAPHQL_RESPONSE, body);
            assertThat(strict.statusCode()).as(body).isEqualTo(400);
            assertThat(strict.jsonPath().getMap("$")).as(body).doesNotContainKey("data").containsKey("errors");
            Response legacy = post("application/json", body);
            assertThat(legacy.statusCode()).as(body).isEqualTo(200);
            assertThat(legacy.jsonPath().getMap("$")).as(body).containsKey("errors");
        }
    }

    @Test
    void fieldErrorsAfterExecutionBeganAre200() {
        // an anonymous caller asking for a member-only field: execution began, the field fails
        Response response = post(GRAPHQL_RESPONSE, "{\"query\":\"{ me { username } }\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getMap("$")).containsKey("data");
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    @Test
    void requestsInAnotherCharsetAreRefusedAndUtf8IsAssumed() {
        Response latin1 = given().header("Content-Type", "application/json; charset=iso-8859-1")
                .body("{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.ISO_8859_1)).post("/graphql");
        assertThat(latin1.statusCode()).isEqualTo(415);
        Response utf8 = given().header("Content-Type", "application/json; charset=UTF-8")
                .body("{\"query\":\"{ __type(name: \\\"社区\\\") { name } }\"}".getBytes(StandardCharsets.UTF_8))
                .post("/graphql");
        assertThat(utf8.statusCode()).isEqualTo(200);
    }

    @Test
    void optionsNamesTheMethods() {
        Response response = given().options("/graphql");
        assertThat(response.statusCode()).isEqualTo(204);
        assertThat(response.header("Allow")).isEqualTo("GET, POST, OPTIONS");
    }

    private static RequestSpecification get(String accept) {
        return given().header("Accept", accept).urlEncodingEnabled(true);
    }

    private static Response post(String accept, String body) {
        return given().contentType("application/json").header("Accept", accept).body(body).post("/graphql");
    }
}
