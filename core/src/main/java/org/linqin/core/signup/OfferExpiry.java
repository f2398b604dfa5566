package org.linqin.core.signup;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;

import io.quarkus.scheduler.Scheduled;

/** Every minute, in each community with offers past their time: expire them and offer the seats to the next in line. */
@ApplicationScoped
public class OfferExpiry {

    private static final Logger LOG = Logger.getLogger(OfferExpiry.class);

    @Inject
    CommunityScope scope;

    @Inject
    SignUps signUps;

    @Inject
    EntityManager em;

    @Scheduled(every = "${linqin.jobs.interval:60s}", delayed = "50s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireEverywhere() {
        @SuppressWarnings("unchecked")
        List<String> communities = scope.call(CommunityContext.NO_COMMUNITY, () -> em.createNativeQuery(
                "select distinct community_code from sign_ups where state = 'OFFERED' and offer_expires_at <= now()")
                .getResultList());
        for (String code : communities) {
            try {
                scope.run(code, () -> signUps.expireOffers(code));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Expiring offers failed in community %s; it runs again next time", code);
            }
        }
    }
}
