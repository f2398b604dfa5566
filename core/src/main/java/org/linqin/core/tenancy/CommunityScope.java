package org.linqin.core.tenancy;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.linqin.core.module.ModuleEnablement;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs work for one community outside a GraphQL request (scheduled jobs, start-up seeding, plain HTTP routes): in a
 * request context of its own that addresses the community, inside a new transaction.
 */
@ApplicationScoped
public class CommunityScope {

    private static final Logger LOG = Logger.getLogger(CommunityScope.class);

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

    /**
     * Runs {@code work} once for each community where the module is enabled, each in its own scope and transaction
     * (a module's scheduled jobs).
     */
    public void forEachEnabling(String moduleId, Consumer<String> work) {
        List<String> communities = call(CommunityContext.NO_COMMUNITY, () -> ModuleEnablement
                .<ModuleEnablement> list("moduleId = ?1 and enabled = true", moduleId).stream()
                .map(e -> e.communityCode).toList());
        for (String code : communities) {
            try {
                run(code, () -> work.accept(code));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Scheduled work of module %s failed in community %s; it runs again next time", moduleId,
                        code);
            }
        }
    }
}
