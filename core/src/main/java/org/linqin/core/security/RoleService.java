package org.linqin.core.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.tenancy.CommunityContext;

/**
 * Appointments: giving a person a role in the addressed community, or taking it away. The role is written to the
 * identity server; the audit line is written in the same transaction, and the identity write is undone if that
 * transaction does not commit.
 */
@ApplicationScoped
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    @Inject
    CommunityContext context;

    @Inject
    IdentityDirectory directory;

    @Inject
    AuditLog audit;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Transactional
    public Person assign(Long personId, CommunityRole role) {
        String community = context.require();
        Person person = withLogin(personId);
        audit.record(community, "role.assigned", "person", person.id, Map.of("role", role.id()));
        directory.grant(person.subject, community, role);
        undoIfRolledBack(() -> directory.revoke(person.subject, community, role));
        return person;
    }

    @Transactional
    public Person revoke(Long personId, CommunityRole role) {
        String community = context.require();
        Person person = withLogin(personId);
        audit.record(community, "role.revoked", "person", person.id, Map.of("role", role.id()));
        directory.revoke(person.subject, community, role);
        undoIfRolledBack(() -> directory.grant(person.subject, community, role));
        return person;
    }

    private Person withLogin(Long personId) {
        Person person = personId == null ? null : Person.findById(personId);
        if (person == null) {
            throw new NotFoundException(Msg.of("core.thing.person"), personId);
        }
        if (person.subject == null) {
            throw ValidationFailedException.of("personId", Msg.of("core.role.hasNoLoginYet"));
        }
        return person;
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
