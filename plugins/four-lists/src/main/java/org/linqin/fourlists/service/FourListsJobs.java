package org.linqin.fourlists.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.tenancy.CommunityScope;
import org.linqin.fourlists.FourListsModule;

import io.quarkus.scheduler.Scheduled;

/**
 * Every minute, in each community with the plugin on: tasks past their due date are marked overdue and escalated,
 * and wishes whose evaluation window closed get their result. Safe with several replicas (rows taken with SKIP
 * LOCKED); one community's failure leaves the others alone and runs again next time.
 */
@ApplicationScoped
public class FourListsJobs {

    @Inject
    CommunityScope scope;

    @Inject
    TaskService tasks;

    @Inject
    EvaluationService evaluations;

    @Scheduled(every = "${linqin.jobs.interval:60s}", delayed = "45s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void everywhere() {
        // two transactions per community: a failing escalation does not hold back evaluation results
        scope.forEachEnabling(FourListsModule.ID, community -> tasks.escalateDue());
        scope.forEachEnabling(FourListsModule.ID, community -> evaluations.closeDue(OffsetDateTime.now()));
    }

    /** Both steps in the caller's transaction and community (the tests' way in). */
    public void runIn(OffsetDateTime now) {
        tasks.escalateDue();
        evaluations.closeDue(now);
    }
}
