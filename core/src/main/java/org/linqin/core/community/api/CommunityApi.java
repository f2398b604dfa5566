package org.linqin.core.community.api;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.community.service.CommunityInputs.CommunityChanges;
import org.linqin.core.community.service.CommunityInputs.NewCommunity;
import org.linqin.core.community.service.CommunityService;
import org.linqin.core.community.service.PlaceService;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;

@GraphQLApi
public class CommunityApi {

    @Inject
    CommunityService communities;

    @Inject
    PlaceService places;

    @Inject
    CommunityContext context;

    @PermitAll
    @Query
    @Description("All communities, by creation. Public. 社区列表")
    public Connection<CommunityView> communities(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return communities.list(PageRequest.of(first, after)).map(CommunityView::of);
    }

    @PermitAll
    @Query
    @Description("A community by code; without a code, the community this request addresses. Public. 社区")
    public CommunityView community(@Description("Community code, e.g. `changqing-6`.") String code) {
        return CommunityView.of(communities.find(code));
    }

    @Mutation
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Description("Creates a community. Platform admins. 新建社区")
    public CommunityView createCommunity(@NonNull NewCommunity input) {
        return CommunityView.of(communities.create(input));
    }

    @Mutation
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Description("Edits a community. Platform admins. 修改社区")
    public CommunityView updateCommunity(@NonNull @Description("Community code.") String code,
            @NonNull CommunityChanges input) {
        return CommunityView.of(communities.update(code, input));
    }

    @PermitAll
    @Description("The community's residential compounds (小区). Needs the community addressed.")
    public Connection<CompoundView> compounds(@Source CommunityView community,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        context.requireAddressed(community.code());
        return places.compounds(PageRequest.of(first, after)).map(CompoundView::of);
    }

    @PermitAll
    @Description("The community's named public places (广场, 党群服务中心, …). Needs the community addressed.")
    public Connection<PlaceView> places(@Source CommunityView community,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        context.requireAddressed(community.code());
        return places.places(PageRequest.of(first, after)).map(PlaceView::of);
    }

}
