package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.persisted.PersistedDocuments;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Automatic persisted queries (Apollo's protocol) over POST and GET, as a mini-program sends them, and the
 * Cache-Control of the answers: only anonymous GETs answered without errors may be kept by a CDN.
 */
@QuarkusTest
class PersistedQueriesTest {

    @Inject
    AgroalDataSource db;

    /** A public query, different in each test so that each registers its own. */
    private static String publicQuery(String name) {
        return "query " + name + System.nanoTime() + " { communities(first: 5) { edges { node { code name } } } }";
    }

    private static Map<String, Object> byHash(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    private static Response post(String token, Map<String, Object> body) {
        RequestSpecification request = given().contentType(ContentType.JSON).accept(ContentType.JSON);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.body(body).post("/graphql");
    }

    private static Response get(String token, Map<String, String> parameters) {
        RequestSpecification request = given().accept(ContentType.JSON).urlEncodingEnabled(true);
        if (token != null) {
            request = request.header("Authorization", "Bearer " + token);
        }
        return request.queryParams(parameters).get("/graphql");
    }

    private static String extensionsByHash(String hash) {
        return "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
    }

    @Test
    void theRoundTripOfAnUnknownHashRegistersTheDocumentOnce() {
        String query = publicQuery("RoundTrip");
        String hash = PersistedDocuments.sha256(query);

        Response unknown = post(null, Map.of("extensions", byHash(hash)));
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.jsonPath().getString("errors[0].message")).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.jsonPath().getString("errors[0].extensions.code")).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
        assertThat(unknown.jsonPath().getString("data")).isNull();

        Response registered = post(null, Map.of("query", query, "extensions", byHash(hash)));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        assertThat(Db.count(db, "select count(*) from persisted_operations where hash = ? and document = ?", hash,
                query)).isEqualTo(1);

        Response known = post(null, Map.of("extensions", byHash(hash), "variables", Map.of()));
        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(known.jsonPath().getList("errors")).isNull();
        assertThat(known.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
    }

    @Test
    void aHashThatIsNotTheDocumentsIsRefusedAndNothingIsStored() {
        String query = publicQuery("Mismatch");
        String other = PersistedDocuments.sha256(query + " ");
        Response refused = post(null, Map.of("query", query, "extensions", byHash(other)));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.jsonPath().getString("errors[0].extensions.reason")).isEqualTo("HASH_MISMATCH");
        assertThat(Db.count(db, "select count(*) from persisted_operations where hash in (?, ?)", other,
                PersistedDocuments.sha256(query))).isZero();
        assertThat(post(null, Map.of("extensions", byHash(other))).jsonPath().getString("errors[0].message"))
                .isEqualTo("PersistedQueryNotFound");
    }

    @Test
    void aMalformedPersistedQueryExtensionIsABadRequest() {
        String hash = PersistedDocuments.sha256(publicQuery("Malformed"));
        for (Object persisted : List.of("abc", Map.of("version", 2, "sha256Hash", hash),
                Map.of("version", 1, "sha256Hash", "abc"), Map.of("version", 1),
                Map.of("version", "1", "sha256Hash", hash), Map.of("version", 1, "sha256Hash", 12))) {
            Response response = post(null, Map.of("extensions", Map.of("persistedQuery", persisted)));
            assertThat(response.statusCode()).as("%s", persisted).isEqualTo(400);
            assertThat(response.jsonPath().getString("errors[0].extensions.code")).as("%s", persisted)
                    .isEqualTo("BAD_REQUEST");
        }
    }

    @Test
    void aDocumentThatDoesNotParseIsNotStored() {
        String broken = "query Broken" + System.nanoTime() + " { communities { ";
        String hash = PersistedDocuments.sha256(broken);
        Response response = post(null, Map.of("query", broken, "extensions", byHash(hash)));
        assertThat(response.jsonPath().getString("errors[0].extensions.code")).isEqualTo("VALIDATION_FAILED");
        assertThat(Db.count(db, "select count(*) from persisted_operations where hash = ?", hash)).isZero();
    }

    @Test
    void overGetByHashAnAnonymousAnswerMayBeCachedPublicly() {
        String query = publicQuery("Cached");
        String hash = PersistedDocuments.sha256(query);
        Response unknown = get(null, Map.of("extensions", extensionsByHash(hash)));
        assertThat(unknown.jsonPath().getString("errors[0].message")).isEqualTo("PersistedQueryNotFound");
        assertThat(unknown.header("Cache-Control")).isEqualTo("no-store");

        Response registered = get(null, Map.of("query", query, "extensions", extensionsByHash(hash)));
        assertThat(registered.statusCode()).isEqualTo(200);
        assertThat(registered.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");

        Response anonymous = get(null, Map.of("extensions", extensionsByHash(hash)));
        assertThat(anonymous.statusCode()).isEqualTo(200);
        assertThat(anonymous.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        assertThat(anonymous.header("Cache-Control")).isEqualTo("public, max-age=60");
        assertThat(anonymous.header("Vary")).contains("Accept", "Accept-Encoding", "Accept-Language", "Authorization",
                "X-Community");

        Response signedIn = get(Api.token("resident"), Map.of("extensions", extensionsByHash(hash)));
        assertThat(signedIn.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        assertThat(signedIn.header("Cache-Control")).isEqualTo("private, no-store");
    }

    @Test
    void answersWithErrorsPostsAndSignedInCallersAreNeverCacheable() {
        Response withErrors = get(null, Map.of("query", "{ me { username } }"));
        assertThat(withErrors.jsonPath().getString("errors[0].extensions.code")).isEqualTo("UNAUTHENTICATED");
        assertThat(withErrors.header("Cache-Control")).isEqualTo("no-store");

        Response posted = post(null, Map.of("query", "{ communities(first: 1) { totalCount } }"));
        assertThat(posted.jsonPath().getList("errors")).isNull();
        assertThat(posted.header("Cache-Control")).isEqualTo("no-store");

        Response signedIn = post(Api.token("resident"), Map.of("query", "{ me { username } }"));
        assertThat(signedIn.header("Cache-Control")).isEqualTo("private, no-store");

        Response mutation = get(null, Map.of("query", "mutation { reportIncident(input: {category: \"noise\", "
                + "description: \"x\"}) { id } }"));
        assertThat(mutation.statusCode()).isEqualTo(405);
        assertThat(mutation.header("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void aDocumentStoredByAnotherReplicaIsServedFromTheDatabase() {
        // Another replica (or this one before a restart) registered it: it is only in the table, not in this
        // replica's memory.
        String query = publicQuery("Shared");
        String hash = PersistedDocuments.sha256(query);
        Db.update(db, "insert into persisted_operations (hash, document, registered_by) values (?, ?, 'replica-b')",
                hash, query);
        Response response = post(null, Map.of("extensions", byHash(hash)));
        assertThat(response.jsonPath().getList("errors")).isNull();
        assertThat(response.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
    }

    @Test
    void aCallerRegistersALimitedNumberOfDocumentsYetEachStillRuns() {
        // The test profile allows 8 per caller (linqin.graphql.persisted-queries.max-per-caller).
        String token = Api.token("party-member");
        List<String> hashes = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String query = publicQuery("Capped" + i + "_");
            String hash = PersistedDocuments.sha256(query);
            hashes.add(hash);
            Map<String, Object> body = new HashMap<>(Map.of("query", query, "extensions", byHash(hash)));
            Response response = post(token, body);
            assertThat(response.jsonPath().getList("errors")).isNull();
        }
        long stored = hashes.stream().filter(h -> Db.count(db, "select count(*) from persisted_operations "
                + "where hash = ?", h) == 1).count();
        assertThat(stored).isEqualTo(8);
        assertThat(post(token, Map.of("extensions", byHash(hashes.get(9)))).jsonPath().getString("errors[0].message"))
                .isEqualTo("PersistedQueryNotFound");
    }
}
