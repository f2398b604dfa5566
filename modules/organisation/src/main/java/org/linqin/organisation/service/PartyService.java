package org.linqin.organisation.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Building;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.organisation.model.HouseholdVisit;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.PartyMembership;
import org.linqin.organisation.service.OrgInputs.NewVisit;

/** Party members (党员底数) and the household visits of the big visit (大走访). */
@ApplicationScoped
public class PartyService {

    /** Members of a branch or group: directly, and with the units below it. */
    public record MemberCount(OrgUnit unit, long direct, long total) {
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    OrgUnitService units;

    @Inject
    AuditLog audit;

    /** Records a person as party member of a branch or group; a later record moves them. */
    @Transactional
    public PartyMembership record(Long personId, Long unitId, LocalDate joinedOn) {
        String community = context.require();
        if (personId == null || Person.findById(personId) == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), personId);
        }
        OrgUnit unit = units.activeUnit(unitId, "unitId");
        if (!OrgStructureRules.holdsPartyMembers(unit.kind)) {
            throw ValidationFailedException.of("unitId", Msg.of("organisation.party.mustPartyBranchGroup", unit.kind));
        }
        if (joinedOn == null || joinedOn.isAfter(LocalDate.now())) {
            throw ValidationFailedException.of("joinedOn", Msg.of("organisation.party.requiredCannotFuture"));
        }
        PartyMembership membership = PartyMembership.find("personId", personId).firstResult();
        if (membership == null) {
            membership = new PartyMembership();
            membership.personId = personId;
        }
        membership.unitId = unit.id;
        membership.joinedOn = joinedOn;
        if (!membership.isPersistent()) {
            membership.persist();
        }
        audit.record(community, "party-member.recorded", "person", personId, Map.of("unit", unit.id));
        return membership;
    }

    /** Member counts of every active branch and group; two queries whatever the size. */
    public List<MemberCount> counts() {
        context.require();
        Map<Long, Long> direct = new HashMap<>();
        for (Object[] row : PartyMembership.getEntityManager().createQuery(
                "select m.unitId, count(m) from PartyMembership m group by m.unitId", Object[].class).getResultList()) {
            direct.put((Long) row[0], (Long) row[1]);
        }
        List<OrgUnit> all = OrgUnit.list("dissolvedOn is null");
        Map<Long, List<OrgUnit>> children = new HashMap<>();
        all.forEach(u -> {
            if (u.parentId != null) {
                children.computeIfAbsent(u.parentId, k -> new ArrayList<>()).add(u);
            }
        });
        List<MemberCount> counts = new ArrayList<>();
        for (OrgUnit unit : all) {
            if (OrgStructureRules.holdsPartyMembers(unit.kind)) {
                counts.add(new MemberCount(unit, direct.getOrDefault(unit.id, 0L), total(unit, direct, children)));
            }
        }
        counts.sort((a, b) -> a.unit().name.compareTo(b.unit().name));
        return counts;
    }

    private static long total(OrgUnit unit, Map<Long, Long> direct, Map<Long, List<OrgUnit>> children) {
        long sum = direct.getOrDefault(unit.id, 0L);
        for (OrgUnit child : children.getOrDefault(unit.id, List.of())) {
            sum += total(child, direct, children);
        }
        return sum;
    }

    @Transactional
    public HouseholdVisit recordVisit(NewVisit input) {
        String community = context.require();
        inputs.validate("input", input);
        if (Person.findById(input.visitorPersonId()) == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), input.visitorPersonId());
        }
        Building building = Building.findById(input.buildingId());
        if (building == null) {
            throw new NotFoundException(Msg.of("core.thing.building"), input.buildingId());
        }
        HouseholdVisit visit = new HouseholdVisit();
        visit.visitorPersonId = input.visitorPersonId();
        visit.buildingId = building.id;
        visit.unit = input.unit();
        visit.household = input.household();
        visit.visitedAt = input.visitedAt() == null ? OffsetDateTime.now() : input.visitedAt();
        visit.outcome = input.outcome();
        visit.persist();
        audit.record(community, "household-visit.recorded", "household-visit", visit.id, Map.of());
        return visit;
    }

    /** Visits, newest id last; every visit shown is a read of personal data and is audited. */
    @Transactional
    public Connection<HouseholdVisit> visits(PageRequest page) {
        String community = context.require();
        Connection<HouseholdVisit> visits = pagination.page(HouseholdVisit.class, null, Map.of(), page, v -> v);
        visits.edges().forEach(e -> audit.record(community, "household-visit.read", "household-visit",
                e.node().id, Map.of()));
        return visits;
    }
}
