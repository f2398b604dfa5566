package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.Roles;
import org.linqin.server.demo.DemoUser;
import org.linqin.server.demo.DemoUsers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The realm files agree with the code: the production realm has no demo users and no password-grant client; the
 * development realm is the production realm plus demo groups, demo users (the same as the embedded issuer's, with
 * the same subjects) and test-only clients.
 */
class RealmFilesTest {

    static final Path DIR = Path.of("..", "identity", "keycloak");
    final ObjectMapper json = new ObjectMapper();

    @Test
    void productionRealmHasNoTestAccess() throws IOException {
        JsonNode realm = json.readTree(DIR.resolve("linqin-realm.json").toFile());
        for (JsonNode client : realm.get("clients")) {
            assertThat(client.path("directAccessGrantsEnabled").asBoolean(false))
                    .as("password grant on " + client.get("clientId")).isFalse();
        }
        for (JsonNode user : realm.get("users")) {
            assertThat(user.has("serviceAccountClientId")).as("only the API's service account").isTrue();
        }
        assertThat(realm.at("/roles/realm/0/name").asText()).isEqualTo(Roles.PLATFORM_ADMIN);
    }

    @Test
    void developmentRealmIsProductionPlusDemoData() throws IOException {
        JsonNode production = json.readTree(DIR.resolve("linqin-realm.json").toFile());
        JsonNode development = json.readTree(DIR.resolve("linqin-realm-dev.json").toFile());
        assertThat(clientIds(development)).containsAll(clientIds(production))
                .containsAll(List.of("linqin-test", "linqin-test-short", "linqin-test-5s", "other-app"));
        assertThat(development.get("roles")).isEqualTo(production.get("roles"));

        List<DemoUser> demo = new DemoUsers().all();
        for (DemoUser user : demo) {
            JsonNode entry = null;
            for (JsonNode candidate : development.get("users")) {
                if (user.username().equals(candidate.path("username").asText())) {
                    entry = candidate;
                }
            }
            assertThat(entry).as(user.username()).isNotNull();
            assertThat(entry.get("id").asText()).as("subject of " + user.username()).isEqualTo(user.subject());
            assertThat(texts(entry.get("groups"))).as("groups of " + user.username())
                    .isEqualTo(new TreeSet<>(user.groups()));
            assertThat(texts(entry.get("realmRoles"))).isEqualTo(new TreeSet<>(user.platformRoles()));
        }
        for (JsonNode community : development.at("/groups/0/subGroups")) {
            Set<String> roles = new TreeSet<>();
            community.get("subGroups").forEach(g -> roles.add(g.get("name").asText()));
            Set<String> expected = new TreeSet<>();
            for (CommunityRole role : CommunityRole.values()) {
                expected.add(role.id());
            }
            assertThat(roles).as("role groups of " + community.get("name")).isEqualTo(expected);
        }
    }

    private static List<String> clientIds(JsonNode realm) {
        List<String> ids = new ArrayList<>();
        realm.get("clients").forEach(c -> ids.add(c.get("clientId").asText()));
        return ids;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        if (array != null) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }
}
