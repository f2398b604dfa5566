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
 * the same subjects) and test-only clients. Both have the WeChat mini-program client and identity provider, with
 * the mini-program's credentials from the environment (development defaults in the development realm only).
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
                .containsAll(List.of("linqin-test", "linqin-test-short", "linqin-test-5s", "other-app",
                        "linqin-test-wechat-unreachable"));
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

    @Test
    void bothRealmsSignInWeChatMiniProgramsAndRotateRefreshTokens() throws IOException {
        JsonNode production = json.readTree(DIR.resolve("linqin-realm.json").toFile());
        JsonNode development = json.readTree(DIR.resolve("linqin-realm-dev.json").toFile());
        for (JsonNode realm : List.of(production, development)) {
            assertThat(realm.path("revokeRefreshToken").asBoolean()).isTrue();
            assertThat(realm.path("refreshTokenMaxReuse").asInt(-1)).isZero();
            JsonNode web = client(realm, "linqin-web");
            JsonNode mini = client(realm, "linqin-miniprogram");
            assertThat(mini.path("publicClient").asBoolean()).as("a mini-program keeps no secret").isTrue();
            assertThat(mini.path("standardFlowEnabled").asBoolean(true)).isFalse();
            assertThat(mini.path("implicitFlowEnabled").asBoolean(true)).isFalse();
            assertThat(mini.path("directAccessGrantsEnabled").asBoolean(true)).isFalse();
            assertThat(mini.at("/attributes/linqin.wechat.code-grant.enabled").asText()).isEqualTo("true");
            assertThat(mini.at("/attributes/linqin.wechat.identity-provider").asText()).isEqualTo("wechat-miniprogram");
            assertThat(mini.get("protocolMappers")).as("audience and groups as for linqin-web")
                    .isEqualTo(web.get("protocolMappers"));
            // the realm's session lifetimes are the mini-program's; the web client keeps Keycloak's defaults
            assertThat(mini.at("/attributes/client.session.idle.timeout").asInt())
                    .isEqualTo(realm.path("ssoSessionIdleTimeout").asInt());
            assertThat(mini.at("/attributes/client.session.max.lifespan").asInt())
                    .isEqualTo(realm.path("ssoSessionMaxLifespan").asInt());
            assertThat(web.at("/attributes/client.session.idle.timeout").asInt()).isEqualTo(1800);
            assertThat(web.at("/attributes/client.session.max.lifespan").asInt()).isEqualTo(36000);
            for (JsonNode client : realm.get("clients")) {
                if (!client.at("/attributes/linqin.wechat.code-grant.enabled").asText("").isEmpty()) {
                    assertThat(client.path("publicClient").asBoolean()).as(client.get("clientId").asText()).isTrue();
                }
            }
            JsonNode wechat = provider(realm, "wechat-miniprogram");
            assertThat(wechat.path("providerId").asText()).isEqualTo("wechat-miniprogram");
            assertThat(wechat.path("hideOnLogin").asBoolean()).as("no browser login button").isTrue();
            assertThat(wechat.path("storeToken").asBoolean(true)).as("session_key never kept").isFalse();
            assertThat(realm.at("/components/org.keycloak.userprofile.UserProfileProvider/0/config/"
                    + "kc.user.profile.config/0").asText()).contains("\"wechat_unionid\"");
        }
        assertThat(provider(production, "wechat-miniprogram").get("config").toString())
                .contains("\"${LINQIN_WECHAT_APP_ID}\"").contains("\"${LINQIN_WECHAT_APP_SECRET}\"")
                .contains("${LINQIN_WECHAT_BASE_URL:https://api.weixin.qq.com}");
        assertThat(provider(development, "wechat-miniprogram").path("config").path("baseUrl").asText())
                .isEqualTo("${LINQIN_WECHAT_BASE_URL:http://localhost:8080/dev/wechat}");
        assertThat(production.path("identityProviders")).hasSize(1);
        assertThat(development.get("components")).isEqualTo(production.get("components"));
        assertThat(client(development, "linqin-miniprogram")).isEqualTo(client(production, "linqin-miniprogram"));
    }

    private static JsonNode client(JsonNode realm, String clientId) {
        for (JsonNode client : realm.get("clients")) {
            if (clientId.equals(client.path("clientId").asText())) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode provider(JsonNode realm, String alias) {
        for (JsonNode provider : realm.path("identityProviders")) {
            if (alias.equals(provider.path("alias").asText())) {
                return provider;
            }
        }
        throw new AssertionError("no identity provider " + alias);
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
