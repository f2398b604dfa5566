package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Db;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class TenantIsolationTest {

    @Inject
    AgroalDataSource db;

    @Test
    void aRowOfAnotherCommunityIsNotFoundForReadsAndWrites() {
        String buildingId = ok(Api.as("community-admin").gql(
                "{ community { compounds(first: 1) { edges { node { buildings { id name } } } } } }"))
                .getString("data.community.compounds.edges[0].node.buildings[0].id");
        Api second = Api.as("second-admin");

        JsonPath read = second.gql("query($id: ID!) { building(id: $id) { name } }", Map.of("id", buildingId));
        assertThat(codes(read)).containsExactly("NOT_FOUND");
        assertThat(read.getString("data.building")).isNull();

        String compoundOfSecond = ok(second.gql("{ community { compounds { edges { node { id } } } } }"))
                .getString("data.community.compounds.edges[0].node.id");
        JsonPath write = second.gql("mutation($id: ID!, $c: ID!) { updateBuilding(id: $id, input: {compoundId: $c, "
                + "name: \"hijacked\", units: [\"1单元\"]}) { id } }", Map.of("id", buildingId, "c", compoundOfSecond));
        assertThat(codes(write)).containsExactly("NOT_FOUND");
        assertThat(Db.count(db, "select count(*) from buildings where name = 'hijacked'")).isZero();

        // Platform admins address a community too; the row stays invisible from the wrong one.
        assertThat(codes(Api.as("admin").in("demo-second").gql(
                "query($id: ID!) { building(id: $id) { name } }", Map.of("id", buildingId))))
                .containsExactly("NOT_FOUND");
    }

    @Test
    void anIdOfAnotherCommunityCannotBeLinkedIn() {
        String compoundOfChangqing = ok(Api.as("community-admin").gql(
                "{ community { compounds(first: 1) { edges { node { id } } } } }"))
                .getString("data.community.compounds.edges[0].node.id");
        JsonPath refused = Api.as("second-admin").gql("mutation($c: ID!) { createBuilding(input: {compoundId: $c, "
                + "name: \"跨社区\", units: [\"1单元\"]}) { id } }", Map.of("c", compoundOfChangqing));
        assertThat(codes(refused)).containsExactly("NOT_FOUND");
        assertThat(Db.count(db, "select count(*) from buildings where name = '跨社区'")).isZero();
    }

    @Test
    void listsShowOnlyTheAddressedCommunity() {
        List<String> names = ok(Api.as("second-admin").gql("{ people(first: 100) { edges { node { name } } } }"))
                .getList("data.people.edges.node.name");
        assertThat(names).contains("钱管理", "冯居民").doesNotContain("李社区", "郑居民");
        // other tests add people to both communities: the list holds exactly the addressed community's rows
        assertThat(names).hasSize(
                (int) Db.count(db, "select count(*) from people where community_code = 'demo-second'"));
        long inDatabase = Db.count(db, "select count(*) from people");
        assertThat(inDatabase).isGreaterThan(names.size());
    }

    @Test
    void rolesCountOnlyInTheCommunityWhereTheyAreHeld() {
        Api admin = Api.as("community-admin").in("demo-second");
        JsonPath me = ok(admin.gql("{ me { community roles communities } }"));
        assertThat(me.getString("data.me.community")).isEqualTo("demo-second");
        assertThat(me.getList("data.me.roles")).isEmpty();
        assertThat(me.getList("data.me.communities")).containsExactly("changqing-6");
        assertThat(codes(admin.gql("mutation { createCompound(input: {name: \"越权小区\"}) { id } }")))
                .containsExactly("FORBIDDEN");
        assertThat(Db.count(db, "select count(*) from compounds where name = '越权小区'")).isZero();

        JsonPath own = ok(Api.as("community-admin").gql("{ me { community roles } }"));
        assertThat(own.getString("data.me.community")).isEqualTo("changqing-6");
        assertThat(own.getList("data.me.roles")).containsExactly("community-admin");
    }

    @Test
    void aRequestMustAddressAnExistingCommunity() {
        JsonPath none = Api.as("admin").gql("{ community { code } }");
        assertThat(codes(none)).containsExactly("VALIDATION_FAILED");
        assertThat(none.getString("errors[0].extensions.fields[0].field")).isEqualTo("X-Community");
        assertThat(codes(Api.as("admin").in("atlantis").gql("{ community { code } }"))).containsExactly("NOT_FOUND");
        assertThat(codes(Api.anonymous().in("atlantis").gql("{ compound(id: 1) { name } }")))
                .containsExactly("NOT_FOUND");
    }
}
