package org.linqin.core.people.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.model.ResidentVerification;
import org.linqin.core.people.model.ResidentVerification.Status;
import org.linqin.core.security.Caller;
import org.linqin.core.security.CommunityRole;
import org.linqin.core.security.IdentityChanges;

/**
 * Linking a user to a person record of the addressed community as its resident, and undoing it. The database and
 * the audit line are written first; the {@code resident} group is written to the identity server last, so a refusal
 * there leaves nothing written.
 */
@ApplicationScoped
public class ResidentLinks {

    @Inject
    IdentityChanges identity;

    @Inject
    AuditLog audit;

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    /**
     * Serialises the link changes of one user in the addressed community for the rest of the transaction; take it
     * first, before any check. Without it a double submit (or a phone verification racing an invitation) passed the
     * checks twice: the loser failed at commit, and undoing its Keycloak grant took away the winner's.
     */
    public void lockSubject(String community, String subject) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1))")
                .setParameter(1, "resident-link:" + community + ":" + subject).getSingleResult();
    }

    /** The person record as committed now, locked until the transaction ends (read again: another may have won). */
    public void lockPerson(Person person) {
        em.refresh(person, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The record the user is linked to in the addressed community, if any. */
    public Optional<Person> linkedTo(String subject) {
        return Optional.ofNullable(Person.findBySubject(subject));
    }

    /** CONFLICT (reason {@code ALREADY_RESIDENT}) when the user already has a record in the addressed community. */
    public void requireNotLinked(String subject) {
        linkedTo(subject).ifPresent(person -> {
            throw new ConflictException(Msg.of("core.resident.alreadyResident", person.id))
                    .withReason("ALREADY_RESIDENT");
        });
    }

    /** CONFLICT (reason {@code PERSON_LINKED}) when the record already belongs to a login. */
    public static void requireFree(Person person) {
        if (person.subject != null) {
            throw new ConflictException(Msg.of("core.resident.personLinked", person.id)).withReason("PERSON_LINKED");
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void link(String community, Person person, ResidentVerification verification) {
        lockPerson(person);
        requireFree(person);
        person.subject = verification.subject;
        verification.status = Status.VERIFIED;
        verification.personId = person.id;
        verification.decidedAt = OffsetDateTime.now();
        verification.decidedBy = caller.actor();
        if (verification.id == null) {
            verification.persist();
        }
        // no flush before the identity server is called: a refused call must find no write sent to the database
        // (the rollback after a failed Keycloak call cannot be relied on to undo sent statements); commit flushes
        audit.record(community, "resident.verified", "person", person.id, Map.of("verification", verification.id,
                "method", verification.method.name(), "subject", verification.subject));
        identity.grant(verification.subject, community, CommunityRole.RESIDENT);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void unlink(String community, Person person) {
        String subject = person.subject;
        List<ResidentVerification> verified = ResidentVerification.list("personId = ?1 and status = ?2", person.id,
                Status.VERIFIED);
        person.subject = null;
        verified.forEach(verification -> verification.status = Status.UNLINKED);
        audit.record(community, "resident.unlinked", "person", person.id, Map.of("subject", subject));
        identity.revoke(subject, community, CommunityRole.RESIDENT);
    }
}
