package org.linqin.grid.service;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.grid.GridModule;
import org.linqin.grid.model.Incident;

import io.quarkus.scheduler.Scheduled;

/**
 * Escalates open incidents whose level deadline passed, every minute, in every community with the module on. Rows
 * are taken with FOR UPDATE SKIP LOCKED, so with several replicas each overdue incident escalates once.
 */
@ApplicationScoped
public class EscalationJob {

    private static final Logger LOG = Logger.getLogger(EscalationJob.class);

    @Inject
    CommunityScope scope;

    @Inject
    IncidentService incidents;

    @Inject
    EntityManager em;

    @Scheduled(every = "${linqin.jobs.interval:60s}", delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateEverywhere() {
        scope.forEachEnabling(GridModule.ID, code -> {
            int escalated = escalate(code, OffsetDateTime.now());
            if (escalated > 0) {
                LOG.infof("Escalated %d overdue incident(s) in community %s", escalated, code);
            }
        });
    }

    /** Escalates the community's overdue incidents; runs in the caller's transaction. @return how many */
    public int escalate(String communityCode, OffsetDateTime now) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("select id from grid_incidents where community_code = ?1"
                + " and state in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS') and not overdue and level_deadline < ?2"
                + " order by level_deadline limit 500 for update skip locked")
                .setParameter(1, communityCode).setParameter(2, now).getResultList();
        for (Number id : due) {
            Incident incident = Incident.findById(id.longValue());
            incidents.escalateOverdue(incident, now);
        }
        return due.size();
    }
}
