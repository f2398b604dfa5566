package org.linqin.server.support;

import static io.restassured.RestAssured.given;

import java.util.List;

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

    /** Paths of the groups the user (by subject) is a member of. */
    public static List<String> groupsOf(String subject) {
        return given().baseUri(Keycloak.url()).auth().oauth2(serviceToken())
                .get("/admin/realms/linqin/users/" + subject + "/groups").then().statusCode(200).extract()
                .jsonPath().getList("path");
    }
}
