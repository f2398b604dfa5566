package org.linqin.core.tenancy;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Whether a community exists, asked at most once per code and request. */
@RequestScoped
public class CommunityDirectory {

    @Inject
    EntityManager em;

    private final Map<String, Boolean> known = new HashMap<>();

    public boolean exists(String code) {
        return known.computeIfAbsent(code, c -> !em.createQuery(
                "select 1 from Community c where c.code = :code", Integer.class)
                .setParameter("code", c).setMaxResults(1).getResultList().isEmpty());
    }
}
