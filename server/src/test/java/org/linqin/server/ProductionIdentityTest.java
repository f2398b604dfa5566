package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.PrivateKey;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Keycloak;
import org.linqin.server.support.ProductionProfile;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;

/** The production profile accepts Keycloak tokens meant for it, and nothing else. */
@QuarkusTest
@TestProfile(ProductionProfile.class)
class ProductionIdentityTest {

    static final String ME = "{ me { username roles } }";

    @Test
    void keycloakTokensForThisApiAreAccepted() {
        Response response = call(Keycloak.token("linqin", "linqin-test", "grid-worker"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getList("data.me.roles")).containsExactly("grid-worker");
    }

    @Test
    void theDevelopmentIssuerIsNotThere() throws Exception {
        assertThat(given().formParam("username", "admin").post("/dev/token").statusCode()).isEqualTo(404);
        PrivateKey devKey = KeyUtils.readPrivateKey("dev-issuer/private-key.pem");
        String devToken = Jwt.issuer("linqin-dev-issuer").subject("7085a197-52af-38d8-9560-5446fb0a6a52")
                .audience("linqin-api").claim("preferred_username", "admin")
                .claim("realm_access", Map.of("roles", List.of("platform-admin"))).groups(Set.of())
                .jws().keyId("linqin-dev").sign(devKey);
        assertUnauthorized(devToken);
    }

    @Test
    void tokensForAnotherAudienceOrRealmAreRefused() {
        assertUnauthorized(Keycloak.token("linqin", "other-app", "grid-worker"));
        assertUnauthorized(Keycloak.token("elsewhere", "linqin-test", "community-admin"));
    }

    @Test
    void expiredAndTamperedTokensAreRefused() throws InterruptedException {
        String shortLived = Keycloak.token("linqin", "linqin-test-short", "grid-worker");
        Thread.sleep(2500);
        assertUnauthorized(shortLived);

        String[] parts = Keycloak.token("linqin", "linqin-test", "grid-worker").split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                        .replace("grid-worker\"]", "grid-worker\",\"/communities/changqing-6/community-admin\"]")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertUnauthorized(parts[0] + "." + forgedPayload + "." + parts[2]);
    }

    private void assertUnauthorized(String token) {
        Response response = call(token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.asString()).doesNotContain("\"data\"");
    }

    private Response call(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", "Bearer " + token)
                .body(Map.of("query", ME)).post("/graphql");
    }
}
