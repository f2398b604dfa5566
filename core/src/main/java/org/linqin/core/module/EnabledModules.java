package org.linqin.core.module;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.linqin.core.events.ChangeBus;

import io.quarkus.runtime.StartupEvent;

/**
 * The module rows of each community (enabled or not, settings set), read once and kept until they change: a change
 * is told to every replica on the change bus when it commits, and forgotten at once on the replica that made it.
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

    private final Map<String, Rows> cache = new ConcurrentHashMap<>();
    /** Bumped on every change, so a read that overlapped a change is not kept. */
    private final AtomicLong generation = new AtomicLong();

    void listen(@Observes StartupEvent event) {
        bus.on(TOPIC).subscribe().with(this::forgetNow);
        bus.whenListening(this::forgetAll);
    }

    public boolean isEnabled(String communityCode, String moduleId) {
        Row row = rows(communityCode).byModule().get(moduleId);
        return row != null && row.enabled();
    }

    /** The settings an admin set for a module in a community (declared defaults fill the rest). */
    public Map<String, String> settingsSet(String communityCode, String moduleId) {
        Row row = rows(communityCode).byModule().get(moduleId);
        return row == null ? Map.of() : row.settings();
    }

    private Rows rows(String communityCode) {
        Rows known = cache.get(communityCode);
        if (known != null) {
            return known;
        }
        long seen = generation.get();
        Rows read = new Rows(em.createQuery("from ModuleEnablement e where e.communityCode = :code",
                ModuleEnablement.class).setParameter("code", communityCode).getResultStream()
                .collect(Collectors.toUnmodifiableMap(e -> e.moduleId,
                        e -> new Row(e.enabled, Map.copyOf(e.settings)))));
        cache.compute(communityCode, (code, current) -> generation.get() == seen ? read : current);
        return read;
    }

    /**
     * The current transaction changes a community's modules: forget them now, again when it ends (committed or
     * not), and tell the other replicas when it commits.
     */
    void changed(String communityCode) {
        forgetNow(communityCode);
        bus.publish(TOPIC, communityCode);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                forgetNow(communityCode);
            }
        });
    }

    private void forgetNow(String communityCode) {
        generation.incrementAndGet();
        cache.remove(communityCode);
    }

    private void forgetAll() {
        generation.incrementAndGet();
        cache.clear();
    }
}
