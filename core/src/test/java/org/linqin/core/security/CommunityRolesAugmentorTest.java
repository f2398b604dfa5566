package org.linqin.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CommunityRolesAugmentorTest {

    private final CommunityMemberships memberships = CommunityMemberships.fromGroups(List.of(
            "/communities/changqing-6/grid-worker", "/communities/demo-second/resident"));

    @Test
    void communityRolesCountOnlyInTheAddressedCommunity() {
        assertThat(CommunityRolesAugmentor.rolesInForce(Set.of(Roles.PLATFORM_ADMIN), memberships, "changqing-6"))
                .containsExactlyInAnyOrder(Roles.PLATFORM_ADMIN, Roles.GRID_WORKER);
        assertThat(CommunityRolesAugmentor.rolesInForce(Set.of(), memberships, "demo-second"))
                .containsExactly(Roles.RESIDENT);
        assertThat(CommunityRolesAugmentor.rolesInForce(Set.of(), memberships, "elsewhere")).isEmpty();
        assertThat(CommunityRolesAugmentor.rolesInForce(Set.of(), memberships, null)).isEmpty();
    }

    @Test
    void aCommunityRoleGivenAsARealmRoleCountsNowhere() {
        assertThat(CommunityRolesAugmentor.rolesInForce(Set.of(Roles.COMMUNITY_ADMIN, "offline_access"), memberships,
                "demo-second")).containsExactlyInAnyOrder("offline_access", Roles.RESIDENT);
    }
}
