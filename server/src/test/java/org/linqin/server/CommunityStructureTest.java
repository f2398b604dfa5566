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

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CommunityStructureTest {

    @Inject
    AgroalDataSource db;

    @Test
    void platformAdminsCreateAndEditCommunities() {
        Api admin = Api.as("admin");
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath created = ok(admin.gql("mutation($c: String!) { createCommunity(input: {code: $c, name: \"新社区\", "
                + "district: \"东西湖区\", foundedOn: \"2017-05-01\"}) { code timeZone foundedOn version } }",
                Map.of("c", code)));
        assertThat(created.getString("data.createCommunity.timeZone")).isEqualTo("Asia/Shanghai");
        assertThat(created.getString("data.createCommunity.foundedOn")).isEqualTo("2017-05-01");

        assertThat(codes(admin.gql("mutation($c: String!) { createCommunity(input: {code: $c, name: \"重复\"}) "
                + "{ code } }", Map.of("c", code)))).containsExactly("CONFLICT");
        JsonPath badCode = admin.gql("mutation { createCommunity(input: {code: \"Bad Code!\", name: \"\"}) { code } }");
        assertThat(badCode.getList("errors[0].extensions.fields.field")).containsExactly("input.code", "input.name");

        JsonPath badZone = admin.gql("mutation($c: String!) { updateCommunity(code: $c, input: {timeZone: \"Mars/Base\"}) "
                + "{ code } }", Map.of("c", code));
        assertThat(badZone.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.timeZone");
        JsonPath renamed = ok(admin.gql("mutation($c: String!) { updateCommunity(code: $c, input: {name: \"改名社区\", "
                + "expectedVersion: 0}) { name version } }", Map.of("c", code)));
        assertThat(renamed.getInt("data.updateCommunity.version")).isEqualTo(1);
        assertThat(Db.count(db, "select count(*) from audit_log where community_code = ? and action like 'community.%'",
                code)).isEqualTo(2);

        assertThat(codes(Api.as("community-admin").gql("mutation { createCommunity(input: {code: \"nope-1\", "
                + "name: \"x\"}) { code } }"))).containsExactly("FORBIDDEN");
    }

    @Test
    void communityAdminsEditTheirPlacesAndPeople() {
        Api admin = Api.as("community-admin");
        String compound = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", "小区-" + UUID.randomUUID()))).getString("data.createCompound.id");
        String building = ok(admin.gql("mutation($c: ID!) { createBuilding(input: {compoundId: $c, name: \"1栋\", "
                + "units: [\"1单元\", \"2单元\"], floors: 18}) { id } }", Map.of("c", compound)))
                .getString("data.createBuilding.id");
        JsonPath place = ok(admin.gql("mutation($c: ID!, $n: String!) { createPlace(input: {name: $n, kind: SQUARE, "
                + "compoundId: $c}) { kind compound { id } } }", Map.of("c", compound, "n", "广场-" + UUID.randomUUID())));
        assertThat(place.getString("data.createPlace.compound.id")).isEqualTo(compound);

        JsonPath wrongUnit = admin.gql("mutation($b: ID!) { createPerson(input: {name: \"新居民\", phone: \"13700001234\", "
                + "buildingId: $b, unit: \"9单元\"}) { id } }", Map.of("b", building));
        assertThat(wrongUnit.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.unit");
        JsonPath badPhone = admin.gql("mutation { createPerson(input: {name: \"新居民\", phone: \"call me\"}) { id } }");
        assertThat(badPhone.getString("errors[0].extensions.fields[0].field")).isEqualTo("input.phone");

        JsonPath person = ok(admin.gql("mutation($b: ID!) { createPerson(input: {name: \"新居民\", phone: \"13700001234\", "
                + "buildingId: $b, unit: \"2单元\", household: \"1802\"}) { id phone building { name } } }",
                Map.of("b", building)));
        assertThat(person.getString("data.createPerson.building.name")).isEqualTo("1栋");

        assertThat(codes(Api.as("grid-worker").gql("mutation { createPerson(input: {name: \"x\"}) { id } }")))
                .containsExactly("FORBIDDEN");
    }
}
