package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;


import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Statements;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class GraphQLConventionsTest {


    @Test
    void listsPageWithCursorsUpToTheMaximumPageSize() {
        Api admin = Api.as("community-admin");
        long total = ok(admin.gql("{ people(first: 1) { totalCount } }")).getLong("data.people.totalCount");
        List<String> seen = new ArrayList<>();
        String after = null;
        boolean hasNext = true;
        while (hasNext) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("after", after);
            JsonPath page = ok(admin.gql("query($after: String) { people(first: 5, after: $after) { totalCount "
                    + "edges { node { id } } pageInfo { hasNextPage endCursor } } }", variables));
            seen.addAll(page.getList("data.people.edges.node.id"));
            hasNext = page.getBoolean("data.people.pageInfo.hasNextPage");
            after = page.getString("data.people.pageInfo.endCursor");
        }
        assertThat(seen).hasSize((int) total).doesNotHaveDuplicates();

        for (int bad : new int[] { 0, 101 }) {
            JsonPath refused = admin.gql("query($n: Int) { people(first: $n) { totalCount } }", Map.of("n", bad));
            assertThat(codes(refused)).containsExactly("VALIDATION_FAILED");
            assertThat(refused.getString("errors[0].extensions.fields[0].field")).isEqualTo("first");
        }
        JsonPath badCursor = admin.gql("{ people(after: \"not-a-cursor\") { totalCount } }");
        assertThat(badCursor.getString("errors[0].extensions.fields[0].field")).isEqualTo("after");
    }

    @Test
    void introspectionAskedInBadFaithIsRefusedAsTooComplex() {
        JsonPath refused = Api.anonymous().gql("{ a: __type(name: \"Query\") { name } b: __type(name: \"Community\") { name } }");
        assertThat(codes(refused)).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("errors[0].message")).contains("__type").doesNotContain("Internal");
    }

    @Test
    void queriesDeeperThanTheLimitAreRefused() {
        // community > compounds > edges > node, then building/compound pairs down to depth 20 (the limit is 15)
        String inner = "name";
        for (int i = 0; i < 8; i++) {
            inner = "buildings { compound { " + inner + " } }";
        }
        String deep = "{ community { compounds { edges { node { " + inner + " } } } } }";
        JsonPath refused = Api.as("community-admin").gql(deep);
        assertThat(codes(refused)).containsExactly("QUERY_TOO_COMPLEX");
        assertThat(refused.getString("data")).isNull();
    }

    @Test
    void errorsCarryStableCodesAndNeverAStackTrace() {
        Api admin = Api.as("community-admin");
        JsonPath unknownField = admin.gql("{ nonsense }");
        assertThat(codes(unknownField)).containsExactly("VALIDATION_FAILED");
        // a document that does not parse is refused before execution, with a code (HttpErrorsTest for the statuses)
        JsonPath syntax = admin.gql("{ community { ");
        assertThat(codes(syntax)).containsExactly("VALIDATION_FAILED");
        assertThat(syntax.getString("errors[0].message")).startsWith("The document does not parse");

        JsonPath blank = admin.gql("mutation { createCompound(input: {name: \" \", description: \"x\"}) { id } }");
        assertThat(codes(blank)).containsExactly("VALIDATION_FAILED");
        assertThat(blank.getList("errors[0].extensions.fields.field")).containsExactly("input.name");

        String name = "小区-" + UUID.randomUUID();
        JsonPath created = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id version } }",
                Map.of("n", name)));
        String id = created.getString("data.createCompound.id");
        assertThat(codes(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                Map.of("n", name)))).containsExactly("CONFLICT");

        String update = "mutation($id: ID!, $n: String!, $v: Int) { updateCompound(id: $id, "
                + "input: {name: $n, expectedVersion: $v}) { version } }";
        ok(admin.gql(update, Map.of("id", id, "n", name + "-1", "v", 0)));
        JsonPath stale = admin.gql(update, Map.of("id", id, "n", name + "-2", "v", 0));
        assertThat(codes(stale)).containsExactly("CONFLICT");

        for (JsonPath response : List.of(unknownField, syntax, blank, stale)) {
            assertThat(response.prettify()).doesNotContain("at org.").doesNotContain("java.lang");
        }
        assertThat(codes(Api.anonymous().gql("{ people { totalCount } }"))).containsExactly("UNAUTHENTICATED");
        assertThat(codes(Api.as("resident").gql("mutation { createCompound(input: {name: \"x\"}) { id } }")))
                .containsExactly("FORBIDDEN");
    }

    @Test
    void nestedListsLoadInBatchesWhateverTheirSize() {
        Api admin = Api.as("community-admin");
        String tree = "{ community { compounds(first: 100) { edges { node { name buildings { name compound { name } } } } } "
                + "places(first: 100) { edges { node { compound { name } } } } } }";
        addCompounds(admin, 3);
        long few = Statements.fewestOf(() -> ok(admin.gql(tree)));
        addCompounds(admin, 12);
        long many = Statements.fewestOf(() -> ok(admin.gql(tree)));
        assertThat(many).isEqualTo(few);
    }

    private void addCompounds(Api admin, int count) {
        for (int i = 0; i < count; i++) {
            String id = ok(admin.gql("mutation($n: String!) { createCompound(input: {name: $n}) { id } }",
                    Map.of("n", "批量-" + UUID.randomUUID()))).getString("data.createCompound.id");
            for (int b = 1; b <= 2; b++) {
                ok(admin.gql("mutation($c: ID!, $n: String!) { createBuilding(input: {compoundId: $c, name: $n, "
                        + "units: [\"1单元\"]}) { id } }", Map.of("c", id, "n", b + "栋")));
            }
        }
    }

}
