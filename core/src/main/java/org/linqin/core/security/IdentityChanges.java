package org.linqin.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Role changes written to the identity server from inside a database transaction: the write happens at once (so a
 * refusal fails the transaction, and nothing is written), and is undone if the transaction then does not commit.
 * Call it last, after the database changes and the audit line, without flushing them first: when the identity
 * server cannot be reached, the rollback cannot be relied on to undo statements already sent.
 */
@ApplicationScoped
public class IdentityChanges {

    private static final Logger LOG = Logger.getLogger(IdentityChanges.class);

    @Inject
    IdentityDirectory directory;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional(Transactional.TxType.MANDATORY)
    public void grant(String subject, String communityCode, CommunityRole role) {
        directory.grant(subject, communityCode, role);
        undoIfRolledBack(() -> directory.revoke(subject, communityCode, role));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoke(String subject, String communityCode, CommunityRole role) {
        directory.revoke(subject, communityCode, role);
        undoIfRolledBack(() -> directory.grant(subject, communityCode, role));
    }

    private void undoIfRolledBack(Runnable undo) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    try {
                        undo.run();
                    } catch (RuntimeException e) {
                        LOG.error("Could not undo an identity change after a rollback; fix it in the identity server", e);
                    }
                }
            }
        });
    }
}
