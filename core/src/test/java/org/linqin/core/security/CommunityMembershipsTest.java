package org.linqin.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommunityMembershipsTest {

    @Test
    void readsRolesPerCommunityFromGroupPaths() {
        CommunityMemberships m = CommunityMemberships.fromGroups(List.of("/communities/changqing-6/grid-worker",
                "/communities/changqing-6/resident", "/communities/demo-second/resident", "/staff",
                "/communities/changqing-6/emperor"));
        assertThat(m.communities()).containsExactly("changqing-6", "demo-second");
        assertThat(m.rolesIn("changqing-6")).containsExactly("grid-worker", "resident");
        assertThat(m.rolesIn("elsewhere")).isEmpty();
    }

    @Test
    void theHeaderAddressesACommunityElseTheOnlyOne() {
        CommunityMemberships one = CommunityMemberships.fromGroups(List.of("/communities/changqing-6/resident"));
        assertThat(one.addressed(null)).contains("changqing-6");
        assertThat(one.addressed("demo-second")).contains("demo-second");
        CommunityMemberships two = CommunityMemberships.fromGroups(List.of("/communities/a/resident",
                "/communities/b/resident"));
        assertThat(two.addressed(null)).isEmpty();
        // exactly as sent: the kernel refuses a header that is not a code, rather than guessing (CommunityContext)
        assertThat(CommunityMemberships.NONE.addressed(" changqing-6")).contains(" changqing-6");
    }
}
