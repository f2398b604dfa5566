package org.linqin.core.people.service;

import java.time.Duration;
import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linqin.core.graphql.RateLimitedException;
import org.linqin.core.i18n.Msg;

/**
 * Failed invitation redemptions per user, counted in the database so that every replica sees them: beyond
 * {@code max-failed-redemptions} within {@code failed-redemption-window} the user is refused until the oldest
 * failure leaves the window. A failure is written in its own transaction: the redemption that failed rolls back,
 * the count stays.
 */
@ApplicationScoped
public class RedemptionAttempts {

    @ConfigProperty(name = "linqin.resident-verification.max-failed-redemptions", defaultValue = "10")
    int maxFailures;

    @ConfigProperty(name = "linqin.resident-verification.failed-redemption-window", defaultValue = "PT1H")
    Duration window;

    @Inject
    EntityManager em;

    /** RATE_LIMITED (reason {@code TOO_MANY_ATTEMPTS}) while the user has failed too often. */
    public void requireNotBlocked(String subject) {
        long failures = ((Number) em.createNativeQuery(
                "select count(*) from resident_invitation_attempts where subject = ?1 and at >= ?2")
                .setParameter(1, subject).setParameter(2, OffsetDateTime.now().minus(window)).getSingleResult())
                .longValue();
        if (failures >= maxFailures) {
            throw new RateLimitedException(Msg.of("core.resident.tooManyAttempts", maxFailures,
                    Math.max(1, window.toMinutes()))).withReason("TOO_MANY_ATTEMPTS");
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordFailure(String subject) {
        OffsetDateTime now = OffsetDateTime.now();
        em.createNativeQuery("insert into resident_invitation_attempts (subject, at) values (?1, ?2)")
                .setParameter(1, subject).setParameter(2, now).executeUpdate();
        // Failures that left the window no longer count; each user's are cleared as new ones come.
        em.createNativeQuery("delete from resident_invitation_attempts where subject = ?1 and at < ?2")
                .setParameter(1, subject).setParameter(2, now.minus(window)).executeUpdate();
    }
}
