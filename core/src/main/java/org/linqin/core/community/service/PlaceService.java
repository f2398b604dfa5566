package org.linqin.core.community.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.jpa.HibernateHints;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Compound;
import org.linqin.core.community.model.Place;
import org.linqin.core.community.service.CommunityInputs.BuildingData;
import org.linqin.core.community.service.CommunityInputs.CompoundData;
import org.linqin.core.community.service.CommunityInputs.PlaceData;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.i18n.Msg;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;

/**
 * The physical structure of the addressed community: compounds (小区), buildings (楼栋) and named public places.
 * Every read and write is confined to the addressed community by the tenant filter.
 */
@ApplicationScoped
public class PlaceService {

    @Inject
    CommunityContext context;

    @Inject
    Lookup lookup;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    public Connection<Compound> compounds(PageRequest page) {
        context.require();
        return pagination.page(Compound.class, null, Map.of(), page, c -> c);
    }

    public Connection<Place> places(PageRequest page) {
        context.require();
        return pagination.page(Place.class, null, Map.of(), page, p -> p);
    }

    public Compound compound(Long id) {
        return lookup.require(Compound.class, id, Msg.of("core.thing.compound"));
    }

    public Building building(Long id) {
        return lookup.require(Building.class, id, Msg.of("core.thing.building"));
    }

    public Place place(Long id) {
        return lookup.require(Place.class, id, Msg.of("core.thing.place"));
    }

    /** Buildings of each compound, in one query, in the order of {@code compoundIds}. */
    public List<List<Building>> buildingsOf(List<Long> compoundIds) {
        Map<Long, List<Building>> byCompound = Building.<Building> find("compound.id in ?1 order by name", compoundIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.groupingBy(b -> b.compound.id));
        List<List<Building>> result = new ArrayList<>(compoundIds.size());
        compoundIds.forEach(id -> result.add(byCompound.getOrDefault(id, List.of())));
        return result;
    }

    /** Compounds by id in one query (ids of other communities find nothing). */
    public Map<Long, Compound> compoundsById(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Compound.<Compound> list("id in ?1", ids).stream()
                .collect(Collectors.toMap(c -> c.id, Function.identity()));
    }

    @Transactional
    public Compound createCompound(CompoundData data) {
        String community = context.require();
        inputs.validate("input", data);
        requireFreeName(Compound.count("name", data.name().trim()) > 0, Msg.of("core.thing.compound3"), data.name());
        Compound compound = new Compound();
        apply(compound, data);
        compound.persist();
        audit.record(community, "compound.created", "compound", compound.id, Map.of("name", compound.name));
        return compound;
    }

    @Transactional
    public Compound updateCompound(Long id, CompoundData data) {
        inputs.validate("input", data);
        Compound compound = compound(id);
        InputValidator.checkVersion(data.expectedVersion(), compound.version, Msg.of("core.thing.compound2", id));
        requireFreeName(Compound.count("name = ?1 and id <> ?2", data.name().trim(), id) > 0,
                Msg.of("core.thing.compound3"),
                data.name());
        apply(compound, data);
        audit.record(compound.communityCode, "compound.updated", "compound", id, Map.of());
        return compound;
    }

    @Transactional
    public Building createBuilding(BuildingData data) {
        String community = context.require();
        inputs.validate("input", data);
        Compound compound = compoundFor(data.compoundId());
        requireFreeName(Building.count("compound = ?1 and name = ?2", compound, data.name().trim()) > 0,
                Msg.of("core.thing.buildingCompound", compound.name), data.name());
        Building building = new Building();
        apply(building, compound, data);
        building.persist();
        audit.record(community, "building.created", "building", building.id, Map.of("name", building.name));
        return building;
    }

    @Transactional
    public Building updateBuilding(Long id, BuildingData data) {
        inputs.validate("input", data);
        Building building = building(id);
        InputValidator.checkVersion(data.expectedVersion(), building.version, Msg.of("core.thing.building2", id));
        Compound compound = compoundFor(data.compoundId());
        requireFreeName(Building.count("compound = ?1 and name = ?2 and id <> ?3", compound, data.name().trim(),
                id) > 0, Msg.of("core.thing.buildingCompound", compound.name), data.name());
        apply(building, compound, data);
        audit.record(building.communityCode, "building.updated", "building", id, Map.of());
        return building;
    }

    @Transactional
    public Place createPlace(PlaceData data) {
        String community = context.require();
        inputs.validate("input", data);
        requireFreeName(Place.count("name", data.name().trim()) > 0, Msg.of("core.thing.place3"), data.name());
        Place place = new Place();
        apply(place, data);
        place.persist();
        audit.record(community, "place.created", "place", place.id, Map.of("name", place.name));
        return place;
    }

    @Transactional
    public Place updatePlace(Long id, PlaceData data) {
        inputs.validate("input", data);
        Place place = place(id);
        InputValidator.checkVersion(data.expectedVersion(), place.version, Msg.of("core.thing.place2", id));
        requireFreeName(Place.count("name = ?1 and id <> ?2", data.name().trim(), id) > 0,
                Msg.of("core.thing.place3"), data.name());
        apply(place, data);
        audit.record(place.communityCode, "place.updated", "place", id, Map.of());
        return place;
    }

    private Compound compoundFor(Long id) {
        return lookup.require(Compound.class, id, Msg.of("core.thing.compound"));
    }

    private static void requireFreeName(boolean taken, Msg what, String name) {
        if (taken) {
            throw new ConflictException(Msg.of("core.place.namedExistsAlready", what, name.trim()));
        }
    }

    private static void apply(Compound compound, CompoundData data) {
        compound.name = data.name().trim();
        compound.deliveredOn = data.deliveredOn();
        compound.description = data.description();
    }

    private static void apply(Building building, Compound compound, BuildingData data) {
        building.compound = compound;
        building.name = data.name().trim();
        building.units = new ArrayList<>(data.units());
        building.floors = data.floors();
    }

    private void apply(Place place, PlaceData data) {
        place.name = data.name().trim();
        place.kind = data.kind();
        place.compound = data.compoundId() == null ? null : compoundFor(data.compoundId());
        place.address = data.address();
        place.description = data.description();
    }
}
