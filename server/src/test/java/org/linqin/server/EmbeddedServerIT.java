package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The README run path end to end: the packaged server ({@code quarkus-run.jar}) started as a process in the
 * embedded profile with no database URL. It starts its own PostgreSQL, seeds the demo communities, serves GraphQL,
 * GraphiQL, health and metrics, hands out demo tokens, and keeps its data across a restart.
 */
class EmbeddedServerIT {

    @Test
    void theEmbeddedDefaultServesTheDemoCommunityAndKeepsDataAcrossRestarts() throws Exception {
        Path dataDir = Files.createTempDirectory("linqin-embedded-it");
        int port = PackagedServer.freePort();
        String compoundName = "重启测试-" + UUID.randomUUID();
        String compoundId;

        try (PackagedServer server = PackagedServer.start(dataDir, port, "first")) {
            server.waitUntilReady();
            assertThat(server.get("/q/health").body()).contains("\"status\": \"UP\"").contains("Database connections");
            assertThat(server.get("/q/metrics").body()).contains("jvm_memory_used_bytes");
            assertThat(server.get("/q/graphql-ui/").body()).contains("Linqin GraphQL");
            assertThat(server.get("/q/graphql-ui/linqin-settings.js").body())
                    .as("the embedded server's GraphiQL says how to get a development token")
                    .contains("/dev/token").contains("changqing-6");

            String token = server.token("community-admin");
            JsonNode community = server.graphql(token, "{ community { code compounds { totalCount } } }");
            assertThat(community.at("/data/community/code").asText()).isEqualTo("changqing-6");
            JsonNode created = server.graphql(token, "mutation { createCompound(input: {name: \"" + compoundName
                    + "\"}) { id } }");
            compoundId = created.at("/data/createCompound/id").asText();
            assertThat(compoundId).isNotEmpty();
        }

        try (PackagedServer server = PackagedServer.start(dataDir, port, "second")) {
            server.waitUntilReady();
            String token = server.token("community-admin");
            JsonNode compound = server.graphql(token, "{ compound(id: " + compoundId + ") { name } }");
            assertThat(compound.at("/data/compound/name").asText()).isEqualTo(compoundName);
            JsonNode communities = server.graphql(token, "{ communities { totalCount } }");
            assertThat(communities.at("/data/communities/totalCount").asInt()).as("seeded once only").isEqualTo(2);
        }
    }
}
