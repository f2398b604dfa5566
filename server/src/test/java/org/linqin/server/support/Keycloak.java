package org.linqin.server.support;

import static io.restassured.RestAssured.given;

import org.eclipse.microprofile.config.ConfigProvider;

/** Tokens from the test Keycloak, as a front-end would get them (test-only clients with the password grant). */
public final class Keycloak {

    public static final String PASSWORD = "linqin";

    private Keycloak() {
    }

    public static String url() {
        return ConfigProvider.getConfig().getValue("linqin.keycloak.url", String.class);
    }

    public static String token(String realm, String client, String username) {
        return given().baseUri(url()).formParam("grant_type", "password").formParam("client_id", client)
                .formParam("username", username).formParam("password", PASSWORD)
                .post("/realms/" + realm + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }
}
