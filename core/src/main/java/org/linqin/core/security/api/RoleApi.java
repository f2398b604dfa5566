package org.linqin.core.security.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.RoleService;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;

@GraphQLApi
public class RoleApi {

    @Inject
    RoleService roles;

    @Inject
    CommunityContext context;

    @Name("RoleAssignment")
    @Description("A role a person holds, or held, in a community. 角色任命")
    public record RoleAssignmentView(
            @NonNull @Id @Description("Id of the person. 人员编号") Long personId,
            @NonNull @Description("The role. 角色") CommunityRole role,
            @NonNull @Description("Code of the community. 社区") String community) {
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Gives a person a role in the addressed community, written to the identity server; it shows in "
            + "their next token. Fails with UNAVAILABLE, changing nothing, when the identity server cannot be "
            + "reached. Community admins; audited. 任命角色")
    public RoleAssignmentView assignRole(@NonNull @Id @Description("The person, who must have a login.") Long personId,
            @NonNull @Description("The role.") CommunityRole role) {
        return new RoleAssignmentView(roles.assign(personId, role).id, role, context.require());
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Takes a role in the addressed community away from a person. Community admins; audited. 撤销角色")
    public RoleAssignmentView revokeRole(@NonNull @Id @Description("The person.") Long personId,
            @NonNull @Description("The role.") CommunityRole role) {
        return new RoleAssignmentView(roles.revoke(personId, role).id, role, context.require());
    }

}
