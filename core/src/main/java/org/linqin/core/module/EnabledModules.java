package org.linqin.core.module;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The modules enabled per community, read once per community and request. */
@RequestScoped
public class EnabledModules {

    @Inject
    EntityManager em;

    private final Map<String, Set<String>> byCommunity = new HashMap<>();

    public boolean isEnabled(String communityCode, String moduleId) {
        return byCommunity.computeIfAbsent(communityCode, code -> new HashSet<>(em.createQuery(
                "select e.moduleId from ModuleEnablement e where e.communityCode = :code and e.enabled",
                String.class).setParameter("code", code).getResultList())).contains(moduleId);
    }

    /** Forgets what was read, after this request changed an enablement. */
    void forget(String communityCode) {
        byCommunity.remove(communityCode);
    }
}
