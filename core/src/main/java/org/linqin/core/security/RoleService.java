package org.linqin.core.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.NotFoundException;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.tenancy.CommunityContext;

/**
 * Appointments: giving a person a role in the addressed community, or taking it away. The role is written to the
 * identity server ({@link IdentityChanges}); the audit line is written in the same transaction.
 */
@ApplicationScoped
public class RoleService {

    @Inject
    CommunityContext context;

    @Inject
    IdentityChanges identity;

    @Inject
    AuditLog audit;

    @Transactional
    public Person assign(Long personId, CommunityRole role) {
        String community = context.require();
        Person person = withLogin(personId);
        audit.record(community, "role.assigned", "person", person.id, Map.of("role", role.id()));
        identity.grant(person.subject, community, role);
        return person;
    }

    @Transactional
    public Person revoke(Long personId, CommunityRole role) {
        String community = context.require();
        Person person = withLogin(personId);
        audit.record(community, "role.revoked", "person", person.id, Map.of("role", role.id()));
        identity.revoke(person.subject, community, role);
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
}
