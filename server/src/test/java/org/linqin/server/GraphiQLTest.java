package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * GraphiQL is Linqin's: the page loads Linqin's start script and settings, whose default query is valid and runs,
 * whose headers template names the token, the community and the language, and whose headers never go into the
 * page address.
 */
@QuarkusTest
class GraphiQLTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void thePageIsLinqinsAndLoadsItsScriptAfterTheStockAssets() {
        String page = given().get("/q/graphql-ui/").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/html")).extract().asString();
        assertThat(page).contains("<title>Linqin GraphQL · 邻亲</title>");
        assertThat(page.indexOf("graphiql.min.js")).isPositive()
                .isLessThan(page.indexOf("linqin-settings.js"));
        assertThat(page.indexOf("linqin-settings.js")).isLessThan(page.indexOf("linqin.js\""));
        given().get("/q/graphql-ui/graphiql.min.js").then().statusCode(200);
        given().redirects().follow(false).get("/q/graphql-ui").then().statusCode(302);
    }

    @Test
    void theHeadersArePersistedInTheBrowserAndNeverWrittenIntoTheAddress() {
        String script = given().get("/q/graphql-ui/linqin.js").then().statusCode(200).extract().asString();
        assertThat(script).contains("shouldPersistHeaders: true").contains("wsConnectionParams: headers");
        // The address mirrors query and variables only.
        assertThat(script).doesNotContain("onEditHeaders").contains("key === 'query' || key === 'variables')");
    }

    @Test
    void theDefaultQueryRunsAndTheHeadersTemplateNamesTokenCommunityAndLanguage() throws Exception {
        JsonNode settings = settings();
        JsonNode headers = JSON.readTree(settings.get("defaultHeaders").asText());
        assertThat(headers.get("Authorization").asText()).startsWith("Bearer <");
        assertThat(headers.has("X-Community")).isTrue();
        assertThat(headers.get("Accept-Language").asText()).isEqualTo("zh-CN");
        String query = settings.get("defaultQuery").asText();
        // Tests verify Keycloak's tokens, as production does; the embedded server's page names /dev/token instead
        // (EmbeddedServerIT).
        assertThat(query).contains("Keycloak").doesNotContain("/dev/token");

        JsonNode anonymous = run(null, query, "CommunityAtAGlance");
        assertThat(anonymous.at("/data/community/code").asText()).isEqualTo("changqing-6");
        assertThat(anonymous.at("/data/community/compounds/totalCount").asInt()).isPositive();
        JsonNode me = run(Api.token("community-admin"), query, "WhoAmI");
        assertThat(me.at("/data/me/username").asText()).isEqualTo("community-admin");
    }

    private static JsonNode run(String token, String document, String operationName) throws Exception {
        var request = given().contentType("application/json").header("X-Community", "changqing-6");
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        String body = request.body(Map.of("query", document, "operationName", operationName)).post("/graphql")
                .then().statusCode(200).extract().asString();
        JsonNode answer = JSON.readTree(body);
        assertThat(answer.has("errors")).as(body).isFalse();
        return answer;
    }

    static JsonNode settings() throws Exception {
        String text = given().get("/q/graphql-ui/linqin-settings.js").then().statusCode(200).extract().asString();
        Matcher json = Pattern.compile("(?s)window.LINQIN_GRAPHIQL = (\\{.*\\});").matcher(text);
        assertThat(json.find()).as(text).isTrue();
        return JSON.readTree(json.group(1));
    }
}
