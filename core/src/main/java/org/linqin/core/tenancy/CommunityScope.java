package org.linqin.core.tenancy;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work for one community outside a GraphQL request (scheduled jobs, start-up seeding, plain HTTP routes): in a
 * request context of its own that addresses the community, inside a new transaction.
 */
@ApplicationScoped
public class CommunityScope {

    @Inject
    CommunityContext context;

    public <T> T call(String communityCode, Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            context.use(communityCode);
            return QuarkusTransaction.requiringNew().call(work::get);
        } finally {
            requestContext.terminate();
        }
    }

    public void run(String communityCode, Runnable work) {
        call(communityCode, () -> {
            work.run();
            return null;
        });
    }
}
