package org.linqin.organisation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.organisation.model.AgreementStatus;
import org.linqin.organisation.model.HouseholdVisit;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.spi.OrganisationDirectory;

/** The organisation module's published interface, for other modules. */
@ApplicationScoped
public class OrganisationDirectoryService implements OrganisationDirectory {

    @Inject
    EntityManager em;

    @Override
    public Optional<UnitRef> unit(long id) {
        return OrgUnit.<OrgUnit> findByIdOptional(id).map(u -> new UnitRef(u.id, u.name));
    }

    @Override
    public Set<Long> partyMembersAmong(Collection<Long> personIds) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery("select distinct m.personId from PartyMembership m where m.personId in ?1",
                Long.class).setParameter(1, personIds).getResultList());
    }

    @Override
    public Optional<VisitRef> householdVisit(long id) {
        return HouseholdVisit.<HouseholdVisit> findByIdOptional(id)
                .map(v -> new VisitRef(v.id, v.buildingId, v.visitedAt));
    }

    @Override
    public Map<Long, List<Commitment>> commitmentsOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, List<Commitment>> byUnit = new LinkedHashMap<>();
        em.createQuery("select p.unitId, a.id, a.title, p.commitments from Agreement a join a.parties p"
                + " where p.unitId in ?1 and a.status = ?2 and (a.endedOn is null or a.endedOn >= ?3)"
                + " order by p.unitId, a.id", Object[].class)
                .setParameter(1, unitIds).setParameter(2, AgreementStatus.SIGNED).setParameter(3, LocalDate.now())
                .getResultList()
                .forEach(r -> byUnit.computeIfAbsent((Long) r[0], u -> new ArrayList<>())
                        .add(new Commitment((Long) r[0], (Long) r[1], (String) r[2], (String) r[3])));
        return byUnit;
    }

    @Override
    public boolean isAppointedIn(long unitId, long personId) {
        return em.createQuery("select count(a) from Appointment a where a.unitId = ?1 and a.personId = ?2"
                + " and a.startOn <= ?3 and (a.endOn is null or a.endOn >= ?3)", Long.class)
                .setParameter(1, unitId).setParameter(2, personId).setParameter(3, LocalDate.now())
                .getSingleResult() > 0;
    }
}
