package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.EmbeddedPostgresResource;
import org.linqin.server.support.KeycloakResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = EmbeddedPostgresResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = KeycloakResource.class, restrictToAnnotatedClass = false)
class ModuleEnablementTest {

    static final String ENABLE = "mutation($c: String!, $m: String!) { enableModule(community: $c, module: $m) "
            + "{ enabled settings { key value } } }";
    static final String DISABLE = "mutation($c: String!, $m: String!) { disableModule(community: $c, module: $m) "
            + "{ enabled } }";
    static final String PUBLISH = "mutation($t: String!) { publishNotice(input: {title: $t, body: \"正文\", "
            + "pinned: false}) { id title signature } }";

    @Inject
    AgroalDataSource db;

    @Test
    void installedModulesAreListedWithTheirSettingsSchema() {
        JsonPath modules = ok(Api.anonymous().gql("{ modules { id nameZh dependsOn settings { key type "
                + "defaultValue min max } } }"));
        assertThat(modules.getList("data.modules.id")).contains("notice-board", "notice-digest");
        assertThat(modules.getString("data.modules.find { it.id == 'notice-board' }.settings[0].key"))
                .isEqualTo("max-pinned");
        assertThat(modules.getList("data.modules.find { it.id == 'notice-digest' }.dependsOn"))
                .containsExactly("notice-board");
    }

    @Test
    void enablingAndDisablingChangesBehaviourAndKeepsTheData() {
        Api secondAdmin = Api.as("second-admin");
        Api admin = Api.as("admin");
        long before = notices("demo-second");

        // Disabled (as seeded): every operation and contributed field answers MODULE_DISABLED and writes nothing.
        assertThat(codes(secondAdmin.gql(PUBLISH, Map.of("t", "refused")))).containsExactly("MODULE_DISABLED");
        assertThat(codes(secondAdmin.gql("{ notices { totalCount } }"))).containsExactly("MODULE_DISABLED");
        JsonPath field = secondAdmin.gql("{ community { code pinnedNotices { title } } }");
        assertThat(codes(field)).containsExactly("MODULE_DISABLED");
        assertThat(field.getList("errors[0].path")).containsExactly("community", "pinnedNotices");
        assertThat(field.getString("data.community.code")).isEqualTo("demo-second");
        assertThat(notices("demo-second")).isEqualTo(before);

        ok(admin.gql(ENABLE, Map.of("c", "demo-second", "m", "notice-board")));
        JsonPath published = ok(secondAdmin.gql(PUBLISH, Map.of("t", "停水通知")));
        assertThat(published.getString("data.publishNotice.signature")).isEqualTo("社区党委");
        long withNotice = ok(secondAdmin.gql("{ notices { totalCount } }")).getLong("data.notices.totalCount");
        assertThat(withNotice).isEqualTo(before + 1);

        ok(admin.gql(DISABLE, Map.of("c", "demo-second", "m", "notice-board")));
        assertThat(codes(secondAdmin.gql("{ notices { totalCount } }"))).containsExactly("MODULE_DISABLED");
        assertThat(codes(secondAdmin.gql(PUBLISH, Map.of("t", "refused again")))).containsExactly("MODULE_DISABLED");
        assertThat(notices("demo-second")).isEqualTo(before + 1);

        ok(admin.gql(ENABLE, Map.of("c", "demo-second", "m", "notice-board")));
        assertThat(ok(secondAdmin.gql("{ notices { totalCount edges { node { title } } } }"))
                .getList("data.notices.edges.node.title")).contains("停水通知");

        ok(admin.gql(DISABLE, Map.of("c", "demo-second", "m", "notice-board")));
        assertThat(Db.count(db, "select count(*) from audit_log where community_code = 'demo-second' "
                + "and action in ('module.enabled', 'module.disabled') and actor like 'admin (%'")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aModuleNeedsItsDependenciesEnabledFirst() {
        Api admin = Api.as("admin");
        String code = newCommunity(admin);

        JsonPath refused = admin.gql(ENABLE, Map.of("c", code, "m", "notice-digest"));
        assertThat(codes(refused)).containsExactly("CONFLICT");
        assertThat(refused.getString("errors[0].message")).contains("notice-board");
        assertThat(Db.count(db, "select count(*) from module_enablements where community_code = ?", code)).isZero();

        ok(admin.gql(ENABLE, Map.of("c", code, "m", "notice-board")));
        assertThat(ok(admin.gql(ENABLE, Map.of("c", code, "m", "notice-digest")))
                .getBoolean("data.enableModule.enabled")).isTrue();

        JsonPath stillNeeded = admin.gql(DISABLE, Map.of("c", code, "m", "notice-board"));
        assertThat(codes(stillNeeded)).containsExactly("CONFLICT");
        assertThat(stillNeeded.getString("errors[0].message")).contains("notice-digest");
        JsonPath states = ok(admin.gql("query($c: String!) { community(code: $c) { modules { module { id } enabled } } }",
                Map.of("c", code)));
        assertThat(states.getBoolean("data.community.modules.find { it.module.id == 'notice-board' }.enabled")).isTrue();
    }

    @Test
    void settingsAreCheckedAgainstTheDeclaration() {
        Api admin = Api.as("admin");
        String code = newCommunity(admin);
        String update = "mutation($c: String!, $s: [SettingValueInput!]!) { updateModuleSettings(community: $c, "
                + "module: \"notice-board\", settings: $s) { settings { key value } } }";

        JsonPath bad = admin.gql(update, Map.of("c", code, "s", java.util.List.of(
                Map.of("key", "max-pinned", "value", "99"), Map.of("key", "colour", "value", "red"))));
        assertThat(codes(bad)).containsExactly("VALIDATION_FAILED");
        assertThat(bad.getList("errors[0].extensions.fields.field"))
                .containsExactlyInAnyOrder("settings.max-pinned", "settings.colour");

        JsonPath good = ok(admin.gql(update, Map.of("c", code, "s", java.util.List.of(
                Map.of("key", "max-pinned", "value", "5")))));
        assertThat(good.getString("data.updateModuleSettings.settings.find { it.key == 'max-pinned' }.value"))
                .isEqualTo("5");
        assertThat(good.getString("data.updateModuleSettings.settings.find { it.key == 'signature' }.value"))
                .isEqualTo("社区党委");
    }

    @Test
    void settingsAreCheckedAsAWholeInEveryModule() {
        Api admin = Api.as("admin");
        String code = newCommunity(admin);
        String update = "mutation($c: String!, $m: String!, $s: [SettingValueInput!]!) { updateModuleSettings("
                + "community: $c, module: $m, settings: $s) { settings { key value } } }";
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("routing=this is not routing", "settings.routing");
        refused.put("routing=safety=janitor", "settings.routing");
        refused.put("categories=safety,other", "settings.routing"); // routing still names fire-hazard, …
        refused.put("categories=safety,safety", "settings.categories");
        for (Map.Entry<String, String> change : refused.entrySet()) {
            String[] kv = change.getKey().split("=", 2);
            JsonPath bad = admin.gql(update, Map.of("c", code, "m", "grid", "s", java.util.List.of(
                    Map.of("key", kv[0], "value", kv[1]))));
            assertThat(codes(bad)).as(change.getKey()).containsExactly("VALIDATION_FAILED");
            assertThat(bad.getList("errors[0].extensions.fields.field", String.class)).as(change.getKey())
                    .contains(change.getValue());
        }
        ok(admin.gql(update, Map.of("c", code, "m", "grid", "s", java.util.List.of(
                Map.of("key", "categories", "value", "safety,other"),
                Map.of("key", "routing", "value", "safety=grid-worker,other=property-staff@42")))));

        JsonPath booking = admin.gql(update, Map.of("c", code, "m", "facility-booking", "s", java.util.List.of(
                Map.of("key", "min-minutes", "value", "300"), Map.of("key", "max-minutes", "value", "240"))));
        assertThat(codes(booking)).containsExactly("VALIDATION_FAILED");
        assertThat(booking.getList("errors[0].extensions.fields.field", String.class))
                .containsExactly("settings.min-minutes");
    }

    @Test
    void onlyPlatformAdminsManageModules() {
        assertThat(codes(Api.as("community-admin").gql(ENABLE, Map.of("c", "changqing-6", "m", "notice-board"))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.anonymous().gql(DISABLE, Map.of("c", "changqing-6", "m", "notice-board"))))
                .containsExactly("UNAUTHENTICATED");
        assertThat(codes(Api.as("admin").gql(ENABLE, Map.of("c", "changqing-6", "m", "no-such-module"))))
                .containsExactly("NOT_FOUND");
        assertThat(codes(Api.as("admin").gql(ENABLE, Map.of("c", "no-such-community", "m", "notice-board"))))
                .containsExactly("NOT_FOUND");
    }

    private long notices(String community) {
        return Db.count(db, "select count(*) from notice_board_notices where community_code = ?", community);
    }

    static String newCommunity(Api admin) {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        ok(admin.gql("mutation($c: String!) { createCommunity(input: {code: $c, name: \"测试社区\"}) { code } }",
                Map.of("c", code)));
        return code;
    }
}
