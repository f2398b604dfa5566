package org.linqin.core.security;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Adds to the caller's identity the roles they hold in the community the request addresses, so that
 * {@code @RolesAllowed("grid-worker")} means "grid worker of this community". Platform roles come from the
 * token's realm roles as they are.
 */
@ApplicationScoped
public class CommunityRolesAugmentor implements SecurityIdentityAugmentor {

    public static final String COMMUNITY_HEADER = "X-Community";

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> groups = token.getGroups();
        CommunityMemberships memberships = CommunityMemberships.fromGroups(groups);
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        String header = request == null ? null : request.request().getHeader(COMMUNITY_HEADER);
        QuarkusSecurityIdentity augmented = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(CommunityMemberships.ATTRIBUTE, memberships)
                .addPermissionChecker(identity::checkPermission)
                .addRoles(rolesInForce(identity.getRoles(), memberships, memberships.addressed(header).orElse(null)))
                .build();
        return Uni.createFrom().item(augmented);
    }

    /**
     * The roles of a request: the token's platform roles, and the community roles held in the addressed community.
     * A community role that arrives as a platform (realm) role is dropped: it would otherwise count in every
     * community.
     */
    static Set<String> rolesInForce(Set<String> tokenRoles, CommunityMemberships memberships, String addressed) {
        Set<String> roles = new java.util.TreeSet<>(tokenRoles);
        roles.removeAll(Roles.COMMUNITY_ROLES);
        if (addressed != null) {
            roles.addAll(memberships.rolesIn(addressed));
        }
        return roles;
    }
}
