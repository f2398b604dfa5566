package org.linqin.server.identity;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.GroupResource;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.GroupRepresentation;
import org.linqin.core.i18n.Msg;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.IdentityDirectory;
import org.linqin.core.security.IdentityUnavailableException;

/**
 * Community roles held as Keycloak groups {@code /communities/<code>/<role>}, written through the Keycloak admin
 * REST API with the service account of the API client (realm-management roles manage-users, view-users,
 * query-users and query-groups, nothing more).
 */
public class KeycloakIdentityDirectory implements IdentityDirectory {

    static final String ROOT = "communities";

    private final Supplier<Keycloak> keycloak;
    private final String realm;

    public KeycloakIdentityDirectory(Supplier<Keycloak> keycloak, String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public void createCommunityGroups(String communityCode) {
        call(Msg.of("server.identity.createGroups", communityCode), () -> {
            String root = groupId("/" + ROOT, null, ROOT);
            String community = groupId("/" + ROOT + "/" + communityCode, root, communityCode);
            for (CommunityRole role : CommunityRole.values()) {
                groupId("/" + ROOT + "/" + communityCode + "/" + role.id(), community, role.id());
            }
            return null;
        });
    }

    /**
     * Joins the role group, creating it first when missing: a community created before a role was added to
     * {@link CommunityRole} has no group for that role yet.
     */
    @Override
    public void grant(String subject, String communityCode, CommunityRole role) {
        call(Msg.of("server.identity.grant", role.id(), communityCode), () -> {
            realm().users().get(subject).joinGroup(roleGroup(communityCode, role));
            return null;
        });
    }

    /** Leaves the role group; when the group does not exist nobody holds the role, so there is nothing to do. */
    @Override
    public void revoke(String subject, String communityCode, CommunityRole role) {
        call(Msg.of("server.identity.revoke", role.id(), communityCode), () -> {
            findGroup(rolePath(communityCode, role))
                    .ifPresent(group -> realm().users().get(subject).leaveGroup(group));
            return null;
        });
    }

    /** The id of the role group, created (with its parents) when missing. */
    private String roleGroup(String communityCode, CommunityRole role) {
        String root = groupId("/" + ROOT, null, ROOT);
        String community = groupId("/" + ROOT + "/" + communityCode, root, communityCode);
        return groupId(rolePath(communityCode, role), community, role.id());
    }

    private static String rolePath(String communityCode, CommunityRole role) {
        return "/" + ROOT + "/" + communityCode + "/" + role.id();
    }

    /** The id of the group at {@code path}, created under {@code parentId} (or at the top) when missing. */
    private String groupId(String path, String parentId, String name) {
        Optional<String> existing = findGroup(path);
        if (existing.isPresent()) {
            return existing.get();
        }
        GroupRepresentation group = new GroupRepresentation();
        group.setName(name);
        try (Response response = parentId == null ? realm().groups().add(group)
                : subGroups(parentId).subGroup(group)) {
            if (response.getStatus() != 201 && response.getStatus() != 409) {
                throw new IdentityUnavailableException(Msg.of("server.identity.refusedGroup", path,
                        response.getStatus()));
            }
        }
        return findGroup(path).orElseThrow(() -> new IdentityUnavailableException(
                Msg.of("server.identity.lostGroup", path)));
    }

    private Optional<String> findGroup(String path) {
        try {
            return Optional.of(realm().getGroupByPath(path).getId());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private GroupResource subGroups(String parentId) {
        return realm().groups().group(parentId);
    }

    private RealmResource realm() {
        return keycloak.get().realm(realm);
    }

    private static <T> T call(Msg what, Supplier<T> action) {
        try {
            return action.get();
        } catch (ProcessingException e) {
            throw new IdentityUnavailableException(Msg.of("server.identity.unreachable", what));
        } catch (WebApplicationException e) {
            throw new IdentityUnavailableException(Msg.of("server.identity.refused", what,
                    e.getResponse().getStatus()));
        }
    }
}
