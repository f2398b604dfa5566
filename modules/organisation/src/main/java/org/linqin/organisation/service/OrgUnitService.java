package org.linqin.organisation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.organisation.model.Appointment;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.service.OrgInputs.NewUnit;

/** The organisation tree of the addressed community: creating, moving, renaming and dissolving units. */
@ApplicationScoped
public class OrgUnitService {

    public static final int MAX_TREE_DEPTH = 10;

    /** A unit in the tree, with its depth (1 for a root). */
    public record TreeEntry(OrgUnit unit, int depth) {
    }

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

    /**
     * The active units in depth-first order, roots first (the party committee, then partners by kind and name),
     * down to {@code depth} levels. One query, whatever the size of the tree.
     */
    public List<TreeEntry> tree(Integer depth) {
        context.require();
        int limit = depth == null ? MAX_TREE_DEPTH : depth;
        if (limit < 1 || limit > MAX_TREE_DEPTH) {
            throw ValidationFailedException.of("depth", Msg.of("organisation.orgUnit.mustBetween", MAX_TREE_DEPTH));
        }
        List<OrgUnit> units = OrgUnit.list("dissolvedOn is null");
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        List<OrgUnit> roots = new ArrayList<>();
        for (OrgUnit unit : units) {
            if (unit.parentId == null) {
                roots.add(unit);
            } else {
                children.computeIfAbsent(unit.parentId, k -> new ArrayList<>()).add(unit);
            }
        }
        Comparator<OrgUnit> order = Comparator.comparing((OrgUnit u) -> u.kind).thenComparing(u -> u.name)
                .thenComparing(u -> u.id);
        List<TreeEntry> entries = new ArrayList<>(units.size());
        roots.sort(order);
        for (OrgUnit root : roots) {
            walk(root, 1, limit, children, order, entries);
        }
        return entries;
    }

    private static void walk(OrgUnit unit, int depth, int limit, Map<Long, List<OrgUnit>> children,
            Comparator<OrgUnit> order, List<TreeEntry> entries) {
        entries.add(new TreeEntry(unit, depth));
        if (depth == limit) {
            return;
        }
        List<OrgUnit> below = new ArrayList<>(children.getOrDefault(unit.id, List.of()));
        below.sort(order);
        for (OrgUnit child : below) {
            walk(child, depth + 1, limit, children, order, entries);
        }
    }

    public OrgUnit unit(Long id) {
        return lookup.require(OrgUnit.class, id, Msg.of("organisation.thing.organisationUnit"));
    }

    public Connection<OrgUnit> search(String nameContains, OrgUnitKind kind, boolean includeDissolved,
            PageRequest page) {
        context.require();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (nameContains != null && !nameContains.isBlank()) {
            conditions.add("lower(e.name) like :name");
            params.put("name", "%" + nameContains.trim().toLowerCase() + "%");
        }
        if (kind != null) {
            conditions.add("e.kind = :kind");
            params.put("kind", kind);
        }
        if (!includeDissolved) {
            conditions.add("e.dissolvedOn is null");
        }
        return pagination.page(OrgUnit.class, conditions.isEmpty() ? null : String.join(" and ", conditions), params,
                page, u -> u);
    }

    /** Active children of each unit, in one query, in the order of {@code parentIds}. */
    public List<List<OrgUnit>> childrenOf(List<Long> parentIds) {
        Map<Long, List<OrgUnit>> byParent = OrgUnit.<OrgUnit> find(
                "parentId in ?1 and dissolvedOn is null order by kind, name", parentIds)
                .withHint(HibernateHints.HINT_READ_ONLY, true).list().stream()
                .collect(Collectors.groupingBy(u -> u.parentId));
        return parentIds.stream().map(id -> byParent.getOrDefault(id, List.of())).toList();
    }

    /** Units by id, in one query (ids of other communities find nothing). */
    public Map<Long, OrgUnit> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return OrgUnit.<OrgUnit> list("id in ?1", ids).stream().collect(Collectors.toMap(u -> u.id, Function.identity()));
    }

    @Transactional
    public OrgUnit create(NewUnit input) {
        String community = context.require();
        inputs.validate("input", input);
        OrgUnit parent = input.parentId() == null ? null : activeUnit(input.parentId(), "input.parentId");
        OrgStructureRules.checkParent(input.kind(), parent == null ? null : parent.kind)
                .ifPresent(why -> {
                    throw ValidationFailedException.of("input.parentId", why);
                });
        if (input.kind() == OrgUnitKind.COMMUNITY_PARTY_COMMITTEE
                && OrgUnit.count("kind = ?1 and dissolvedOn is null", OrgUnitKind.COMMUNITY_PARTY_COMMITTEE) > 0) {
            throw new ConflictException(Msg.of("organisation.orgUnit.communityHasCommunityParty"));
        }
        OrgUnit unit = new OrgUnit();
        unit.name = input.name().trim();
        unit.kind = input.kind();
        unit.parentId = parent == null ? null : parent.id;
        placeOf(unit, input);
        unit.contactPhone = input.contactPhone();
        unit.persist();
        audit.record(community, "org-unit.created", "org-unit", unit.id, Map.of("kind", unit.kind.name()));
        return unit;
    }

    @Transactional
    public OrgUnit rename(Long id, String name, Integer expectedVersion) {
        OrgUnit unit = activeUnit(id, "id");
        InputValidator.checkVersion(expectedVersion, unit.version, Msg.of("organisation.thing.organisationUnit2", id));
        if (name == null || name.isBlank() || name.length() > 200) {
            throw ValidationFailedException.of("name", Msg.of("organisation.orgUnit.mustCharacters"));
        }
        unit.name = name.trim();
        audit.record(unit.communityCode, "org-unit.renamed", "org-unit", id, Map.of("name", unit.name));
        return unit;
    }

    @Transactional
    public OrgUnit move(Long id, Long parentId) {
        OrgUnit unit = activeUnit(id, "id");
        OrgUnit parent = parentId == null ? null : activeUnit(parentId, "parentId");
        OrgStructureRules.checkParent(unit.kind, parent == null ? null : parent.kind).ifPresent(why -> {
            throw ValidationFailedException.of("parentId", why);
        });
        unit.parentId = parent == null ? null : parent.id;
        audit.record(unit.communityCode, "org-unit.moved", "org-unit", id,
                Map.of("parent", String.valueOf(unit.parentId)));
        return unit;
    }

    /** Dissolves a unit with no active children; its current appointments end the same day. */
    @Transactional
    public OrgUnit dissolve(Long id, LocalDate on) {
        OrgUnit unit = activeUnit(id, "id");
        long activeChildren = OrgUnit.count("parentId = ?1 and dissolvedOn is null", id);
        if (activeChildren > 0) {
            throw new ConflictException(Msg.of("organisation.orgUnit.unitStillHasActive", id, activeChildren));
        }
        LocalDate day = on == null ? LocalDate.now() : on;
        unit.dissolvedOn = day;
        for (Appointment appointment : Appointment.<Appointment> list("unitId = ?1 and endOn is null", id)) {
            appointment.endOn = appointment.startOn.isAfter(day) ? appointment.startOn : day;
        }
        audit.record(unit.communityCode, "org-unit.dissolved", "org-unit", id, Map.of("on", day.toString()));
        return unit;
    }

    /** An active unit of the addressed community, or NOT_FOUND naming the input field. */
    public OrgUnit activeUnit(Long id, String field) {
        context.require();
        OrgUnit unit = id == null ? null : OrgUnit.findById(id);
        if (unit == null || !unit.isActive()) {
            throw new NotFoundException(Msg.of("organisation.thing.activeOrganisationUnit", field), id);
        }
        return unit;
    }

    private static void placeOf(OrgUnit unit, NewUnit input) {
        boolean partner = OrgStructureRules.requiredParent(input.kind()).isEmpty()
                && input.kind() != OrgUnitKind.COMMUNITY_PARTY_COMMITTEE;
        if (input.compoundId() != null) {
            if (!partner) {
                throw ValidationFailedException.of("input.compoundId",
                        Msg.of("organisation.orgUnit.onlyPartnerOrganisationsLinked"));
            }
            if (Compound.findById(input.compoundId()) == null) {
                throw new NotFoundException(Msg.of("core.thing.compound"), input.compoundId());
            }
            unit.compoundId = input.compoundId();
        }
        if (input.kind() == OrgUnitKind.PARTY_MEMBER_HOUSEHOLD) {
            if (input.buildingId() == null || input.household() == null) {
                throw ValidationFailedException.of("input.buildingId",
                        Msg.of("organisation.orgUnit.partyMemberHouseholdNeeds"));
            }
            Building building = Building.findById(input.buildingId());
            if (building == null) {
                throw new NotFoundException(Msg.of("core.thing.building"), input.buildingId());
            }
            if (input.unit() != null && !building.units.contains(input.unit())) {
                throw ValidationFailedException.of("input.unit",
                        Msg.of("organisation.orgUnit.notUnitBuilding", building.name));
            }
            unit.buildingId = building.id;
            unit.unit = input.unit();
            unit.household = input.household();
            List<String> served = input.servedHouseholds() == null ? List.of() : input.servedHouseholds();
            if (served.stream().anyMatch(h -> h == null || h.isBlank() || h.length() > 40)) {
                throw ValidationFailedException.of("input.servedHouseholds",
                        Msg.of("organisation.orgUnit.eachMustCharacters"));
            }
            unit.servedHouseholds = new ArrayList<>(served);
        } else if (input.buildingId() != null || input.servedHouseholds() != null) {
            throw ValidationFailedException.of("input.buildingId",
                    Msg.of("organisation.orgUnit.onlyPartyMemberHouseholds"));
        }
    }
}
