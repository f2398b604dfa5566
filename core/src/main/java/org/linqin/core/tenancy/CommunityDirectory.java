package org.linqin.core.tenancy;

import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.linqin.core.events.ChangeBus;
import org.linqin.core.events.ReplicatedCache;

/**
 * What requests ask of a community on every call, without a read each time. Communities are created and never
 * deleted, so a community once found is remembered for the life of the process (on every replica alike, without
 * invalidation; a code not found is asked again); its time zone is kept until the community is changed.
 */
@ApplicationScoped
public class CommunityDirectory {

    static final String TOPIC = "community";
    private static final int MAX_REMEMBERED = 100_000;

    @Inject
    EntityManager em;

    @Inject
    ChangeBus bus;

    @Inject
    TransactionSynchronizationRegistry transactions;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private ReplicatedCache<ZoneId> zones;

    @PostConstruct
    void start() {
        zones = new ReplicatedCache<>(TOPIC, bus, transactions);
    }

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

    /** The community's time zone, or null when there is no such community. */
    public ZoneId timeZone(String code) {
        return zones.get(code, c -> em.createQuery("select c.timeZone from Community c where c.code = :code",
                String.class).setParameter("code", c).getResultList().stream().findFirst().map(ZoneId::of).orElse(null));
    }

    /** The current transaction changes the community (see {@link ReplicatedCache#changed}). */
    public void changed(String code) {
        zones.changed(code);
    }
}
