package org.linqin.server.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/** Reads the test Keycloak through its admin REST API, with the API client's service account. */
public final class KeycloakAdmin {

    private KeycloakAdmin() {
    }

    private static String serviceToken() {
        return given().baseUri(Keycloak.url()).formParam("grant_type", "client_credentials")
                .formParam("client_id", "linqin-api").formParam("client_secret", "linqin-dev-secret")
                .post("/realms/linqin/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }

    /** HTTP status of looking up a group by path (200 when it exists). */
    public static int groupStatus(String path) {
        return given().baseUri(Keycloak.url()).auth().oauth2(serviceToken())
                .get("/admin/realms/linqin/group-by-path" + path).statusCode();
    }

    /**
     * A new user with no role anywhere (password {@link Keycloak#PASSWORD}), as a WeChat user is after their first
     * sign-in; returns their subject.
     */
    public static String createUser(String username) {
        String location = given().baseUri(Keycloak.url()).auth().oauth2(serviceToken()).contentType("application/json")
                .body(java.util.Map.of("username", username, "enabled", true, "firstName", "新", "lastName", "用户",
                        "email", username + "@test.linqin.org", "emailVerified", true,
                        "credentials", List.of(java.util.Map.of("type", "password", "value", Keycloak.PASSWORD,
                                "temporary", false))))
                .post("/admin/realms/linqin/users").then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Paths of the groups the user (by subject) is a member of. */
    public static List<String> groupsOf(String subject) {
        return given().baseUri(Keycloak.url()).auth().oauth2(serviceToken())
                .get("/admin/realms/linqin/users/" + subject + "/groups").then().statusCode(200).extract()
                .jsonPath().getList("path");
    }

    /** Users whose username is exactly {@code username} (none or one), as the admin API represents them. */
    public static List<Map<String, Object>> usersNamed(String username) {
        return given().baseUri(Keycloak.url()).auth().oauth2(serviceToken()).queryParam("username", username)
                .queryParam("exact", true).get("/admin/realms/linqin/users").then().statusCode(200).extract()
                .jsonPath().getList("$");
    }

    /** The user's links to identity providers: identityProvider, userId, userName of each. */
    public static List<Map<String, Object>> federatedIdentities(String subject) {
        return given().baseUri(Keycloak.url()).auth().oauth2(serviceToken())
                .get("/admin/realms/linqin/users/" + subject + "/federated-identity").then().statusCode(200)
                .extract().jsonPath().getList("$");
    }
}
