package org.linqin.core.tenancy;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * Whether a community exists. Communities are created and never deleted, so a community once found is remembered
 * for the life of the process (on every replica alike, without invalidation); a code not found is asked again.
 */
@ApplicationScoped
public class CommunityDirectory {

    private static final int MAX_REMEMBERED = 100_000;

    @Inject
    EntityManager em;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public boolean exists(String code) {
        if (known.contains(code)) {
            return true;
        }
        boolean found = !em.createQuery("select 1 from Community c where c.code = :code", Integer.class)
                .setParameter("code", code).setMaxResults(1).getResultList().isEmpty();
        if (found && known.size() < MAX_REMEMBERED) {
            known.add(code);
        }
        return found;
    }
}
