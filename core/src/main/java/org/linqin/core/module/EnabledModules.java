package org.linqin.core.module;

import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.linqin.core.events.ChangeBus;
import org.linqin.core.graphql.ModuleDisabledException;
import org.linqin.core.events.ReplicatedCache;

/**
 * The module rows of each community (enabled or not, settings set), read once and kept until they change, on every
 * replica ({@link ReplicatedCache}).
 * Saves the per-request reads of the module guard and of module settings.
 */
@ApplicationScoped
public class EnabledModules {

    static final String TOPIC = "modules";

    /** One community's module rows, by module id. */
    record Rows(Map<String, Row> byModule) {
    }

    /** Whether a module is enabled and the settings an admin set. */
    record Row(boolean enabled, Map<String, String> settings) {
    }

    @Inject
    EntityManager em;

    @Inject
    ChangeBus bus;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private ReplicatedCache<Rows> cache;

    @PostConstruct
    void start() {
        cache = new ReplicatedCache<>(TOPIC, bus, transactions);
    }

    public boolean isEnabled(String communityCode, String moduleId) {
        Row row = rows(communityCode).byModule().get(moduleId);
        return row != null && row.enabled();
    }

    /** For calls into another module: MODULE_DISABLED unless it is enabled in the community. */
    public void require(String communityCode, String moduleId) {
        if (!isEnabled(communityCode, moduleId)) {
            throw new ModuleDisabledException(moduleId, communityCode);
        }
    }

    /** The settings an admin set for a module in a community (declared defaults fill the rest). */
    public Map<String, String> settingsSet(String communityCode, String moduleId) {
        Row row = rows(communityCode).byModule().get(moduleId);
        return row == null ? Map.of() : row.settings();
    }

    private Rows rows(String communityCode) {
        return cache.get(communityCode, code -> new Rows(em.createQuery(
                "from ModuleEnablement e where e.communityCode = :code", ModuleEnablement.class)
                .setParameter("code", code).getResultList().stream()
                .collect(Collectors.toUnmodifiableMap(e -> e.moduleId, e -> new Row(e.enabled, Map.copyOf(e.settings))))));
    }

    /** The current transaction changes a community's modules (see {@link ReplicatedCache#changed}). */
    void changed(String communityCode) {
        cache.changed(communityCode);
    }
}
