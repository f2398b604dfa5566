package org.linqin.booking.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.linqin.booking.FacilityBookingModule;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.module.ModuleService;
import org.linqin.core.tenancy.CommunityScope;

import io.quarkus.scheduler.Scheduled;

/**
 * Releases approved bookings not checked in within the grace time as NO_SHOW, every minute, in every community that
 * has the module on. Each community is one UPDATE, so several server replicas running it at once release every
 * booking exactly once.
 */
@ApplicationScoped
public class NoShowRelease {

    private static final Logger LOG = Logger.getLogger(NoShowRelease.class);

    @Inject
    CommunityScope scope;

    @Inject
    ModuleService modules;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Scheduled(every = "${linqin.jobs.interval:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void releaseEverywhere() {
        scope.forEachEnabling(FacilityBookingModule.ID, code -> {
            int released = release(code);
            if (released > 0) {
                LOG.infof("Released %d booking(s) as no-show in community %s", released, code);
            }
        });
    }

    /** Releases the community's overdue bookings; runs in the caller's transaction. @return how many */
    public int release(String communityCode) {
        long grace = modules.settings(FacilityBookingModule.ID).integer(FacilityBookingModule.CHECK_IN_GRACE_MINUTES);
        @SuppressWarnings("unchecked")
        List<Number> released = em.createNativeQuery("update booking_bookings set state = 'NO_SHOW', version = version + 1"
                + " where community_code = ?1 and state = 'APPROVED'"
                + " and starts_at + make_interval(mins => ?2) < now() returning id")
                .setParameter(1, communityCode).setParameter(2, (int) grace).getResultList();
        released.forEach(id -> audit.record(communityCode, "booking.no-show", "booking", id, Map.of()));
        return released.size();
    }
}
