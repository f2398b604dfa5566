package org.linqin.server.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Calls the running server the way a client does: a token from the real Keycloak (password grant of the test-only
 * client {@code linqin-test}), then {@code POST /graphql} with an optional {@code X-Community}.
 */
public final class Api {

    private static final Map<String, Issued> TOKENS = new ConcurrentHashMap<>();

    private final String username;
    private final String community;

    private Api(String username, String community) {
        this.username = username;
        this.community = community;
    }

    /** A caller signed in as the demo user {@code username}. */
    public static Api as(String username) {
        return new Api(username, null);
    }

    public static Api anonymous() {
        return new Api(null, null);
    }

    /** The same caller, addressing {@code community} with the {@code X-Community} header. */
    public Api in(String communityCode) {
        return new Api(username, communityCode);
    }

    /** A token for the demo user, reused for a minute (tokens live five); roles show in a token when issued. */
    public static String token(String username) {
        Issued issued = TOKENS.get(username);
        if (issued == null || issued.at() < System.nanoTime() - Duration.ofMinutes(1).toNanos()) {
            return freshToken(username);
        }
        return issued.token();
    }

    /** A newly issued token, with the roles the user holds now. */
    public static String freshToken(String username) {
        String token = Keycloak.token("linqin", "linqin-test", username);
        TOKENS.put(username, new Issued(token, System.nanoTime()));
        return token;
    }

    private record Issued(String token, long at) {
    }

    public JsonPath gql(String query) {
        return gql(query, Map.of());
    }

    public JsonPath gql(String query, Map<String, Object> variables) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        if (username != null) {
            request = request.header("Authorization", "Bearer " + token(username));
        }
        if (community != null) {
            request = request.header("X-Community", community);
        }
        Map<String, Object> body = new HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return request.body(body).post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** The codes of the errors of a response, in order; empty when it has none. */
    public static List<String> codes(JsonPath response) {
        List<String> codes = response.getList("errors.extensions.code");
        return codes == null ? List.of() : codes;
    }

    /** Fails unless the response has no errors. */
    public static JsonPath ok(JsonPath response) {
        List<Object> errors = response.getList("errors");
        if (errors != null && !errors.isEmpty()) {
            throw new AssertionError("expected no errors, got " + response.prettify());
        }
        return response;
    }
}
