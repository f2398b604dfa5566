package org.linqin.core.community.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.community.model.Compound;
import org.linqin.core.community.service.CommunityInputs.BuildingData;
import org.linqin.core.community.service.CommunityInputs.CompoundData;
import org.linqin.core.community.service.CommunityInputs.PlaceData;
import org.linqin.core.community.service.PlaceHolds;
import org.linqin.core.community.service.PlaceService;
import org.linqin.core.security.Roles;

@GraphQLApi
public class PlaceApi {

    @Inject
    PlaceService places;

    @Inject
    PlaceHolds placeHolds;

    @PermitAll
    @Query
    @Description("A compound of the addressed community. Public. 小区")
    public CompoundView compound(@NonNull @Id Long id) {
        return CompoundView.of(places.compound(id));
    }

    @PermitAll
    @Query
    @Description("A building of the addressed community. Public. 楼栋")
    public BuildingView building(@NonNull @Id Long id) {
        return BuildingView.of(places.building(id));
    }

    @PermitAll
    @Query
    @Description("A named public place of the addressed community. Public. 公共场所")
    public PlaceView place(@NonNull @Id Long id) {
        return PlaceView.of(places.place(id));
    }

    @Query
    @Description("When a named place (a square) is held in [from, to), at most 92 days, in time order: what is taken "
            + "before planning an event there. Members. 场所占用情况")
    public List<PlaceHoldView> placeHolds(@NonNull @Id @Description("The place. 场所") Long placeId,
            @NonNull @Description("From. 起") OffsetDateTime from, @NonNull @Description("To. 止") OffsetDateTime to) {
        return placeHolds.held(places.place(placeId).id, from, to).stream().map(PlaceHoldView::of).toList();
    }

    @PermitAll
    @Description("The compound's buildings, by name (loaded in one batch for all compounds of a response). 楼栋")
    public List<List<BuildingView>> buildings(@Source List<CompoundView> compounds) {
        return places.buildingsOf(compounds.stream().map(CompoundView::id).toList()).stream()
                .map(list -> list.stream().map(BuildingView::of).toList()).toList();
    }

    @PermitAll
    @Description("The compound the building stands in (batched). 所属小区")
    public List<CompoundView> compound(@Source List<BuildingView> buildings) {
        Map<Long, Compound> byId = places.compoundsById(buildings.stream().map(BuildingView::compoundId).toList());
        return buildings.stream().map(b -> CompoundView.of(byId.get(b.compoundId()))).toList();
    }

    @PermitAll
    @Description("The compound the place lies in, or null when it serves the whole community (batched). 所属小区")
    @Name("compound")
    public List<CompoundView> compoundOfPlace(@Source List<PlaceView> placeViews) {
        Map<Long, Compound> byId = places.compoundsById(
                placeViews.stream().map(PlaceView::compoundId).filter(Objects::nonNull).toList());
        return placeViews.stream().map(p -> p.compoundId() == null ? null : CompoundView.of(byId.get(p.compoundId())))
                .toList();
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Adds a compound to the addressed community. Community admins. 新增小区")
    public CompoundView createCompound(@NonNull CompoundData input) {
        return CompoundView.of(places.createCompound(input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Edits a compound. Community admins. 修改小区")
    public CompoundView updateCompound(@NonNull @Id Long id, @NonNull CompoundData input) {
        return CompoundView.of(places.updateCompound(id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Adds a building to a compound. Community admins. 新增楼栋")
    public BuildingView createBuilding(@NonNull BuildingData input) {
        return BuildingView.of(places.createBuilding(input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Edits a building. Community admins. 修改楼栋")
    public BuildingView updateBuilding(@NonNull @Id Long id, @NonNull BuildingData input) {
        return BuildingView.of(places.updateBuilding(id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Adds a named public place. Community admins. 新增公共场所")
    public PlaceView createPlace(@NonNull PlaceData input) {
        return PlaceView.of(places.createPlace(input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.PLATFORM_ADMIN })
    @Description("Edits a named public place. Community admins. 修改公共场所")
    public PlaceView updatePlace(@NonNull @Id Long id, @NonNull PlaceData input) {
        return PlaceView.of(places.updatePlace(id, input));
    }
}
