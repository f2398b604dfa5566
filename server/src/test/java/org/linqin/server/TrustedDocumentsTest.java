package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.graphql.persisted.PersistedDocuments;
import org.linqin.server.support.Db;
import org.linqin.server.support.NodeTools;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.core.json.JsonObject;

/**
 * The trusted documents mode, as a deployment turns it on: only the operations of the manifest generated from
 * {@code graphql-schema/examples} run, sent whole or by hash; any other document is refused, and nothing is
 * registered. The manifest in the repository is the one the documented command generates.
 */
@QuarkusTest
@TestProfile(TrustedDocumentsTest.TrustedOnly.class)
class TrustedDocumentsTest {

    static final Path MANIFEST = Path.of("..", "graphql-schema", "trusted-documents.json");

    public static class TrustedOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linqin.graphql.trusted-documents.manifest", MANIFEST.toAbsolutePath().toString(),
                    "linqin.graphql.trusted-documents.only", "true");
        }
    }

    @Inject
    AgroalDataSource db;

    private static String manifestDocument(String operation) throws Exception {
        JsonObject manifest = new JsonObject(Files.readString(MANIFEST, StandardCharsets.UTF_8));
        return manifest.stream().map(e -> (String) e.getValue()).filter(d -> d.startsWith(operation))
                .findFirst().orElseThrow();
    }

    private static Response post(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).body(body).post("/graphql");
    }

    private static Map<String, Object> byHash(String hash) {
        return Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash));
    }

    @Test
    void aManifestDocumentRunsWholeAndByHashOverPostAndGet() throws Exception {
        String document = manifestDocument("query Communities(");
        String hash = PersistedDocuments.sha256(document);
        Response whole = post(Map.of("query", document));
        assertThat(whole.jsonPath().getList("errors")).isNull();
        assertThat(whole.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        Response byHash = post(Map.of("extensions", byHash(hash)));
        assertThat(byHash.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        Response overGet = given().accept(ContentType.JSON).queryParam("extensions",
                "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}").get("/graphql");
        assertThat(overGet.jsonPath().getList("data.communities.edges.node.code")).contains("changqing-6");
        assertThat(overGet.header("Cache-Control")).isEqualTo("public, max-age=60");
    }

    @Test
    void anyOtherDocumentIsRefusedAndNothingIsRegistered() throws Exception {
        String other = "{ communities(first: 1) { edges { node { code } } } }";
        String hash = PersistedDocuments.sha256(other);
        for (Map<String, Object> body : java.util.List.<Map<String, Object>> of(Map.of("query", other),
                Map.of("query", other, "extensions", byHash(hash)), Map.of("extensions", byHash(hash)),
                // a manifest document changed by one space is another document
                Map.of("query", manifestDocument("query Communities(") + " "))) {
            Response refused = post(body);
            assertThat(refused.jsonPath().getString("errors[0].extensions.code")).as("%s", body).isEqualTo("FORBIDDEN");
            assertThat(refused.jsonPath().getString("errors[0].extensions.reason")).as("%s", body)
                    .isEqualTo("UNTRUSTED_DOCUMENT");
            assertThat(refused.jsonPath().getString("data")).isNull();
        }
        Response overGet = given().accept("application/graphql-response+json").queryParam("query", other)
                .get("/graphql");
        assertThat(overGet.statusCode()).isEqualTo(400);
        assertThat(overGet.jsonPath().getString("errors[0].extensions.reason")).isEqualTo("UNTRUSTED_DOCUMENT");
        assertThat(Db.count(db, "select count(*) from persisted_operations where hash = ?", hash)).isZero();
    }

    @Test
    void theManifestIsTheOneTheDocumentedCommandGenerates() throws Exception {
        Path dir = Path.of("..", "graphql-schema", "trusted-documents");
        Path generated = Files.createTempFile("trusted-documents", ".json");
        NodeTools.Result result = NodeTools.node(dir, Map.of(), 120, "generate.mjs",
                Path.of("..", "examples").toString(), generated.toAbsolutePath().toString());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(Files.readString(generated)).as("graphql-schema/trusted-documents.json is stale: run "
                + "npm ci --prefix graphql-schema/trusted-documents && node graphql-schema/trusted-documents/generate.mjs")
                .isEqualTo(Files.readString(MANIFEST));
        Files.delete(generated);
    }
}
