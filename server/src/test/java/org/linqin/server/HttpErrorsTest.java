package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * What a careless or hostile HTTP client gets: every refusal has a code and the status GraphQL-over-HTTP asks for,
 * never an HTTP 500.
 */
@QuarkusTest
class HttpErrorsTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    @Test
    void malformedRequestsGet400WithBadRequest() {
        for (String body : new String[] { "{\"query\":\"{ communities { totalCount } }\",\"variables\":\"x\"}",
                "{\"query\":\"{ communities { totalCount } }\",\"variables\":5}",
                "{\"query\":\"{ communities { totalCount } }\",\"variables\":[]}",
                "{\"query\":\"{ communities { totalCount } }\",\"operationName\":{}}",
                "[{\"query\":\"{ communities { totalCount } }\"}]", "{not json", "null", "42", "{}", "{\"query\":7}",
                "{\"query\":\"{ communities { totalCount } }\",\"extensions\":[]}",
                "{\"query\":\"subscription { incidentChanges { id } }\"}" }) {
            Response response = post("application/json", GRAPHQL_RESPONSE, body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.contentType()).as(body).startsWith(GRAPHQL_RESPONSE);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).as(body).isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void otherMediaTypesAndMethodsAreRefused() {
        Response form = post("application/x-www-form-urlencoded", "application/json", "query=%7B%7D");
        assertThat(form.statusCode()).isEqualTo(415);
        assertThat(form.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
        Response xml = post("application/xml", "application/json", "<query/>");
        assertThat(xml.statusCode()).isEqualTo(415);
        Response put = given().contentType("application/json").body("{\"query\":\"{ communities { totalCount } }\"}")
                .put("/graphql");
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.header("Allow")).contains("POST");
        assertThat(put.jsonPath().getString("errors[0].extensions.code")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aDocumentThatDoesNotParseHasACodeAndTheStatusOfTheMediaType() {
        String body = "{\"query\":\"{ communities { \"}";
        Response strict = post("application/json", GRAPHQL_RESPONSE, body);
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(strict.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        Response legacy = post("application/json", "application/json", body);
        assertThat(legacy.statusCode()).isEqualTo(200);
        assertThat(legacy.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void anInvalidTokenGets401WithAJsonBody() {
        String forged = Api.token("resident");
        forged = forged.substring(0, forged.length() - 4) + (forged.endsWith("AAAA") ? "BBBB" : "AAAA");
        Response response = given().contentType("application/json").header("Authorization", "Bearer " + forged)
                .body("{\"query\":\"{ communities { totalCount } }\"}").post("/graphql");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
    }

    private static Response post(String contentType, String accept, String body) {
        return given().header("Content-Type", contentType).header("Accept", accept).body(body).post("/graphql");
    }
}
