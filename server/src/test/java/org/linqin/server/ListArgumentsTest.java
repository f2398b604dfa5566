package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Mutations that take lists, sent through HTTP with non-empty lists as variables and as literals, as a client
 * would: the elements arrive. (Grids could not get buildings through the API before: every non-empty list was
 * refused.)
 */
@QuarkusTest
class ListArgumentsTest {

    private final Api admin = Api.as("community-admin").in("changqing-6");

    @Test
    void gridsGetTheirBuildingsFromListsOfIds() {
        String compound = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", "列表-" + UUID.randomUUID()))).getString("data.createCompound.id");
        String a = building(compound, "1栋");
        String b = building(compound, "2栋");

        JsonPath created = ok(admin.gql("mutation($n: String!, $b: [String]) { createGrid(name: $n, buildingIds: $b) "
                + "{ id buildingIds } }", Map.of("n", "列表网格-" + UUID.randomUUID(), "b", List.of(a))));
        assertThat(ids(created, "data.createGrid.buildingIds")).containsExactly(a);
        String grid = created.getString("data.createGrid.id");

        JsonPath set = ok(admin.gql("mutation { setGridBuildings(gridId: \"" + grid + "\", buildingIds: [\"" + a
                + "\", \"" + b + "\"]) { buildingIds } }"));
        assertThat(ids(set, "data.setGridBuildings.buildingIds")).containsExactlyInAnyOrder(a, b);

        assertThat(codes(admin.gql("mutation($g: ID!) { setGridBuildings(gridId: $g, buildingIds: [\"x1\"]) { id } }",
                Map.of("g", grid)))).containsExactly("VALIDATION_FAILED");
    }

    @Test
    void unitsAndPhotosArriveAsSent() {
        String compound = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", "列表-" + UUID.randomUUID()))).getString("data.createCompound.id");
        JsonPath created = ok(admin.gql("mutation($c: ID!, $u: [String!]!) { createBuilding(input: {compoundId: $c, "
                + "name: \"3栋\", units: $u}) { id units } }", Map.of("c", compound, "u", List.of("1单元", "2单元"))));
        assertThat(created.getList("data.createBuilding.units", String.class)).containsExactly("1单元", "2单元");

        JsonPath reported = ok(Api.as("resident").in("changqing-6").gql("mutation($p: [String]) { reportIncident("
                + "input: {category: \"other\", description: \"列表\", photoUrls: $p}) { photoUrls } }",
                Map.of("p", List.of("https://example.org/a.jpg", "https://example.org/b.jpg"))));
        assertThat(reported.getList("data.reportIncident.photoUrls", String.class))
                .containsExactly("https://example.org/a.jpg", "https://example.org/b.jpg");
    }

    private static List<String> ids(JsonPath response, String path) {
        return response.getList(path).stream().map(String::valueOf).toList();
    }

    private String building(String compound, String name) {
        return ok(admin.gql("mutation($c: ID!, $n: String!) { createBuilding(input: {compoundId: $c, name: $n, "
                + "units: [\"1单元\"]}) { id } }", Map.of("c", compound, "n", name))).getString("data.createBuilding.id");
    }
}
