package org.linqin.core.security;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.tenancy.CommunityContext;

import io.quarkus.arc.Unremovable;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Membership of the addressed community, enforced once for every GraphQL operation and resolver field of the
 * kernel, every module and every plugin (called before each method invocation, before the security annotations).
 * A caller who holds no role in the addressed community (platform admins aside) is there exactly an anonymous
 * caller: what is declared public ({@code @PermitAll}) answers, what concerns the caller's own account
 * ({@link OwnAccount}) answers signed-in callers, and everything else is refused. Nothing is read from the
 * database: the roles come from the token.
 */
@ApplicationScoped
@Unremovable // looked up by the GraphQL hooks, which CDI does not see
public class CommunityAccess {

    /** Who may reach a method, read once from its annotations. */
    enum Declared {
        PUBLIC, OWN_ACCOUNT, MEMBERS
    }

    private final Map<Method, Declared> declared = new ConcurrentHashMap<>();

    @Inject
    CurrentIdentityAssociation identities;

    @Inject
    CommunityContext community;

    public void check(Method method) {
        // A malformed X-Community is refused everywhere, public operations included.
        community.checkHeader();
        Declared access = declared.computeIfAbsent(method, CommunityAccess::declaredOn);
        if (access == Declared.PUBLIC) {
            return;
        }
        SecurityIdentity identity = identities.getIdentity();
        if (identity.isAnonymous()) {
            throw new UnauthorizedException();
        }
        if (access == Declared.OWN_ACCOUNT || isMember(identity)) {
            return;
        }
        String addressed = community.addressed().orElseThrow(community::noneAddressed);
        throw new ForbiddenException(Msg.of("core.community.youNotMemberCommunity", addressed));
    }

    /** Holds a role in the addressed community (the augmentor adds only those), or is a platform admin. */
    static boolean isMember(SecurityIdentity identity) {
        if (identity.hasRole(Roles.PLATFORM_ADMIN)) {
            return true;
        }
        for (String role : Roles.COMMUNITY_ROLES) {
            if (identity.hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    static Declared declaredOn(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return Declared.PUBLIC;
        }
        if (method.isAnnotationPresent(OwnAccount.class)) {
            return Declared.OWN_ACCOUNT;
        }
        Class<?> type = method.getDeclaringClass();
        if (type.isAnnotationPresent(PermitAll.class) && !hasRoleAnnotation(method)) {
            return Declared.PUBLIC;
        }
        if (type.isAnnotationPresent(OwnAccount.class)) {
            return Declared.OWN_ACCOUNT;
        }
        return Declared.MEMBERS;
    }

    private static boolean hasRoleAnnotation(Method method) {
        return method.isAnnotationPresent(jakarta.annotation.security.RolesAllowed.class)
                || method.isAnnotationPresent(io.quarkus.security.Authenticated.class);
    }
}
