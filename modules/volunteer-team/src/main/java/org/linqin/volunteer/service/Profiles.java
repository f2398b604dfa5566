package org.linqin.volunteer.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.tenancy.CommunityContext;

/**
 * Each volunteer's profile row, made on first need. Locking it serialises one person's sign-ups and redemptions,
 * so two parallel requests of the same person cannot both pass an hour cap or spend the same points.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Profiles {

    @Inject
    CommunityContext context;

    @Inject
    EntityManager em;

    /** Makes the person's profile if missing and holds its row lock until the transaction ends. */
    public void lock(Long personId) {
        String community = context.require();
        em.createNativeQuery("insert into volunteer_profiles (id, community_code, person_id)"
                + " values (nextval('linqin_id_seq'), ?1, ?2) on conflict (community_code, person_id) do nothing")
                .setParameter(1, community).setParameter(2, personId).executeUpdate();
        em.createNativeQuery("select id from volunteer_profiles where community_code = ?1 and person_id = ?2 for update")
                .setParameter(1, community).setParameter(2, personId).getSingleResult();
    }

    /** Adds (or, negative, takes) points; false when the balance would go below zero (nothing changed). */
    public boolean addPoints(Long personId, int points) {
        int changed = em.createNativeQuery("update volunteer_profiles set points_balance = points_balance + ?3,"
                + " version = version + 1 where community_code = ?1 and person_id = ?2 and points_balance + ?3 >= 0")
                .setParameter(1, context.require()).setParameter(2, personId).setParameter(3, points).executeUpdate();
        return changed == 1;
    }
}
