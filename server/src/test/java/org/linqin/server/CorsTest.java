package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A browser front-end on another origin: the tests, like the embedded profile, allow localhost on any port (the
 * production list comes from {@code LINQIN_CORS_ORIGINS}; see GraphQLHttpAuditIT). Preflights name the headers
 * clients send; other origins get no {@code Access-Control-Allow-Origin}, so the browser keeps the answer from them,
 * and cannot open a WebSocket either.
 */
@QuarkusTest
class CorsTest {

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aPreflightFromAnAllowedOriginAllowsTheHeadersClientsSend() {
        for (String origin : new String[] { "http://localhost:5173", "http://127.0.0.1:8081", "https://localhost" }) {
            Response response = preflight(origin, "POST", "authorization, content-type, x-community, accept-language");
            assertThat(response.statusCode()).as(origin).isBetween(200, 204);
            assertThat(response.header("Access-Control-Allow-Origin")).as(origin).isEqualTo(origin);
            assertThat(response.header("Access-Control-Allow-Methods")).contains("GET").contains("POST");
            assertThat(response.header("Access-Control-Allow-Headers").toLowerCase())
                    .contains("authorization", "content-type", "x-community", "accept-language", "accept");
            assertThat(response.header("Access-Control-Max-Age")).isNotBlank();
        }
        assertThat(preflight("http://localhost:5173", "GET", "authorization").header("Access-Control-Allow-Origin"))
                .isEqualTo("http://localhost:5173");
    }

    @Test
    void otherOriginsGetNoAllowOrigin() {
        for (String origin : new String[] { "https://evil.example", "http://localhost.evil.example",
                "http://evil.example?localhost:80", "http://127.0.0.1.evil.example", "null" }) {
            Response preflight = preflight(origin, "POST", "authorization, content-type");
            assertThat(preflight.header("Access-Control-Allow-Origin")).as(origin).isNull();
            Response actual = given().header("Origin", origin).contentType("application/json")
                    .body("{\"query\":\"{ __typename }\"}").post("/graphql");
            assertThat(actual.header("Access-Control-Allow-Origin")).as(origin).isNull();
        }
    }

    @Test
    void anActualRequestFromAnAllowedOriginCarriesAllowOriginAndExposedHeaders() {
        Response response = given().header("Origin", "http://localhost:5173").contentType("application/json")
                .header("Authorization", "Bearer " + Api.token("community-admin")).header("X-Community", "changqing-6")
                .body("{\"query\":\"{ me { username } }\"}").post("/graphql");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.jsonPath().getString("data.me.username")).isEqualTo("community-admin");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
        assertThat(response.header("Access-Control-Expose-Headers").toLowerCase()).contains("retry-after");
        assertThat(response.header("Access-Control-Allow-Credentials")).as("tokens, not cookies").isNotEqualTo("true");
        Response get = given().header("Origin", "http://localhost:5173").queryParam("query", "{ __typename }")
                .get("/graphql");
        assertThat(get.statusCode()).isEqualTo(200);
        assertThat(get.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:5173");
    }

    @Test
    void methodsOtherThanGetAndPostAreNotAllowedCrossOrigin() {
        Response response = preflight("http://localhost:5173", "DELETE", "authorization");
        assertThat(response.header("Access-Control-Allow-Methods")).doesNotContain("DELETE");
    }

    @Test
    void aBrowserSubscribesFromAnAllowedOriginOnly() throws Exception {
        URI socket = URI.create(graphql.toString().replaceFirst("^http", "ws"));
        WebSocket allowed = upgrade(socket, "http://localhost:5173").get(30, TimeUnit.SECONDS);
        assertThat(allowed.getSubprotocol()).isEqualTo("graphql-transport-ws");
        allowed.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
        assertThatThrownBy(() -> upgrade(socket, "https://evil.example").get(30, TimeUnit.SECONDS))
                .hasCauseInstanceOf(WebSocketHandshakeException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode())
                        .isEqualTo(403));
        WebSocket noOrigin = upgrade(socket, null).get(30, TimeUnit.SECONDS); // a client that is not a browser
        noOrigin.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    private static CompletableFuture<WebSocket> upgrade(URI socket, String origin) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Api.token("grid-worker")).subprotocols("graphql-transport-ws");
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(socket, new WebSocket.Listener() {
        });
    }

    private static Response preflight(String origin, String method, String headers) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", headers).options("/graphql");
    }
}
