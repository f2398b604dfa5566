package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.codes;
import static org.linqin.server.support.Api.ok;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.testmodules.api.UndeclaredApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Membership of the addressed community is enforced by the kernel, not by each module: an operation that declares
 * nothing (a test-only one, as a careless module author would write it) is still refused to callers who hold no role
 * in the addressed community, while its members reach it. And the X-Community header must be a code exactly.
 */
@QuarkusTest
class MembershipTest {

    private static final String UNDECLARED = "{ " + UndeclaredApi.NAME + " }";

    @Test
    void anOperationWithoutAPublicDeclarationIsRefusedToNonMembers() {
        JsonPath member = ok(Api.as("resident").in("changqing-6").gql(UNDECLARED));
        assertThat(member.getString("data." + UndeclaredApi.NAME)).isEqualTo("reached");

        JsonPath otherCommunity = Api.as("second-resident").in("changqing-6").gql(UNDECLARED);
        assertThat(codes(otherCommunity)).containsExactly("FORBIDDEN");
        assertThat(otherCommunity.getString("errors[0].message")).contains("not a member of community 'changqing-6'");

        assertThat(codes(Api.anonymous().in("changqing-6").gql(UNDECLARED))).containsExactly("UNAUTHENTICATED");
        ok(Api.as("admin").in("changqing-6").gql(UNDECLARED)); // platform admins aside
    }

    @Test
    void aNonMemberReadsNoneOfTheDataListedAsLeaked() {
        Api outsider = Api.as("second-resident").in("changqing-6");
        for (String query : new String[] { "{ grids { name members { personName } } }",
                "{ organisationTree(depth: 3) { unit { name } } }", "{ agreements { totalCount } }",
                "{ rooms { totalCount } }" }) {
            assertThat(codes(outsider.gql(query))).as(query).containsExactly("FORBIDDEN");
        }
        // public data stays public
        ok(outsider.gql("{ community { name compounds { totalCount } } }"));
    }

    @Test
    void theCommunityHeaderMustBeACodeExactly() {
        for (String header : new String[] { "Changqing-6", "changqing-6\u00a0", "changqing_6", "" }) {
            JsonPath response = Api.as("resident").in(header).gql("{ communities { totalCount } }");
            assertThat(codes(response)).as("'" + header + "'").containsExactly("VALIDATION_FAILED");
            assertThat(response.getString("errors[0].extensions.fields[0].field")).isEqualTo("X-Community");
        }
        ok(Api.as("resident").in("changqing-6").gql("{ grids { id } }"));
    }
}
