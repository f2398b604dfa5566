package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.core.security.CommunityRole;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;
import org.linqin.server.support.KeycloakAdmin;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Appointments and community groups, written to and read back from the real Keycloak. */
@QuarkusTest
class IdentityTest {

    static final String ASSIGN = "mutation($p: ID!, $r: CommunityRole!) { assignRole(personId: $p, role: $r) "
            + "{ personId role community } }";
    static final String REVOKE = "mutation($p: ID!, $r: CommunityRole!) { revokeRole(personId: $p, role: $r) "
            + "{ role } }";

    @Inject
    AgroalDataSource db;

    @Test
    void anAssignedRoleShowsInTheNextTokenAndWorks() {
        Api admin = Api.as("community-admin");
        JsonPath me = ok(Api.as("volunteer").gql("{ me { subject person { id } } }"));
        String personId = me.getString("data.me.person.id");
        String subject = me.getString("data.me.subject");
        assertThat(codes(Api.as("volunteer").gql("{ people { totalCount } }"))).containsExactly("FORBIDDEN");

        JsonPath assigned = ok(admin.gql(ASSIGN, Map.of("p", personId, "r", "GRID_WORKER")));
        assertThat(assigned.getString("data.assignRole.community")).isEqualTo("changqing-6");
        assertThat(KeycloakAdmin.groupsOf(subject)).contains("/communities/changqing-6/grid-worker");

        Api.freshToken("volunteer");
        assertThat(ok(Api.as("volunteer").gql("{ me { roles } }")).getList("data.me.roles"))
                .contains("grid-worker", "volunteer");
        assertThat(ok(Api.as("volunteer").gql("{ people { totalCount } }")).getInt("data.people.totalCount"))
                .isPositive();

        ok(admin.gql(REVOKE, Map.of("p", personId, "r", "GRID_WORKER")));
        Api.freshToken("volunteer");
        assertThat(codes(Api.as("volunteer").gql("{ people { totalCount } }"))).containsExactly("FORBIDDEN");
        assertThat(Db.count(db, "select count(*) from audit_log where action in ('role.assigned', 'role.revoked') "
                + "and target_id = ?", personId)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void onlyAdminsAppointAndOnlyPeopleWithALogin() {
        String resident = ok(Api.as("resident").gql("{ me { person { id } } }")).getString("data.me.person.id");
        assertThat(codes(Api.as("resident").gql(ASSIGN, Map.of("p", resident, "r", "COMMUNITY_ADMIN"))))
                .containsExactly("FORBIDDEN");
        assertThat(codes(Api.as("second-admin").in("demo-second").gql(ASSIGN,
                Map.of("p", resident, "r", "RESIDENT")))).containsExactly("NOT_FOUND");

        String noLogin = ok(Api.as("community-admin").gql("mutation { createPerson(input: {name: \"未登录\"}) { id } }"))
                .getString("data.createPerson.id");
        JsonPath refused = Api.as("community-admin").gql(ASSIGN, Map.of("p", noLogin, "r", "RESIDENT"));
        assertThat(codes(refused)).containsExactly("VALIDATION_FAILED");
        assertThat(refused.getString("errors[0].extensions.fields[0].field")).isEqualTo("personId");
    }

    @Test
    void aNewCommunityGetsItsGroupsInKeycloak() {
        String code = ModuleEnablementTest.newCommunity(Api.as("admin"));
        for (CommunityRole role : CommunityRole.values()) {
            assertThat(KeycloakAdmin.groupStatus("/communities/" + code + "/" + role.id()))
                    .as(role.id()).isEqualTo(200);
        }
    }
}
