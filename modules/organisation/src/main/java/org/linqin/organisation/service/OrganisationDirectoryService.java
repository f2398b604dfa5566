package org.linqin.organisation.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
}
