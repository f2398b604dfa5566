package org.linqin.core.people.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.Selection;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.model.ResidentVerification;
import org.linqin.core.people.model.ResidentVerification.Method;
import org.linqin.core.people.model.ResidentVerification.Status;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Resident verification (居民认证) by phone, and the staff's side: the requests of the addressed community, approving,
 * rejecting and unlinking. A user verified by phone is linked at once when the number WeChat confirms belongs to
 * exactly one person record without a login; otherwise the request waits for staff.
 */
@ApplicationScoped
public class ResidentVerificationService {

    static final int MAX_CODE_LENGTH = 512;
    static final int MAX_REASON_LENGTH = 500;

    @Inject
    CommunityContext context;

    @Inject
    Caller caller;

    @Inject
    ConfirmedPhones phones;

    @Inject
    ResidentLinks links;

    @Inject
    Lookup lookup;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Not one transaction: WeChat is asked between the checks and the writes, holding no database connection. */
    public ResidentVerification verifyByPhone(String phoneCode) {
        String community = context.require();
        String subject = caller.subject();
        if (phoneCode == null || phoneCode.isBlank() || phoneCode.length() > MAX_CODE_LENGTH) {
            throw ValidationFailedException.of("phoneCode", Msg.of("core.resident.phoneCode.format", MAX_CODE_LENGTH));
        }
        // in a transaction: a Panache count outside one keeps its pooled connection
        QuarkusTransaction.requiringNew().run(() -> {
            links.requireNotLinked(subject);
            requireNoPending(subject);
        });
        ConfirmedPhones.ConfirmedPhone phone = phones.exchange(phoneCode);
        return QuarkusTransaction.requiringNew().call(() -> {
            links.lockSubject(community, subject);
            links.requireNotLinked(subject);
            requireNoPending(subject);
            ResidentVerification verification = request(subject, Method.PHONE);
            verification.phone = phone.number();
            List<Person> matches = Person.list("subject is null and phone in ?1", phone.spellings());
            if (matches.size() == 1) {
                links.link(community, matches.get(0), verification);
            } else {
                verification.status = Status.PENDING;
                verification.persist();
                em.flush();
                audit.record(community, "resident.verification-requested", "resident-verification", verification.id,
                        Map.of("method", Method.PHONE.name(), "matches", matches.size()));
            }
            return verification;
        });
    }

    private void requireNoPending(String subject) {
        if (ResidentVerification.count("subject = ?1 and status = ?2", subject, Status.PENDING) > 0) {
            throw new ConflictException(Msg.of("core.resident.alreadyPending")).withReason("PENDING");
        }
    }

    /** A new request of the caller in the addressed community (not yet persisted). */
    ResidentVerification request(String subject, Method method) {
        ResidentVerification verification = new ResidentVerification();
        verification.subject = subject;
        verification.applicant = caller.username();
        verification.method = method;
        verification.requestedAt = OffsetDateTime.now();
        return verification;
    }

    /** Staff: the requests of the addressed community; every confirmed phone number shown is audited. */
    @Transactional
    public Connection<ResidentVerification> list(Status status, PageRequest page) {
        String community = context.require();
        Connection<ResidentVerification> found = status == null
                ? pagination.page(ResidentVerification.class, null, Map.of(), page, v -> v)
                : pagination.page(ResidentVerification.class, "e.status = :status", Map.of("status", status), page,
                        v -> v);
        found.edges().stream().map(edge -> edge.node()).filter(v -> v.phone != null).forEach(v -> audit
                .record(community, "resident-verification.read", "resident-verification", v.id, Map.of()));
        return found;
    }

    /** The caller's own requests in every community, newest last. */
    @Transactional
    public Connection<ResidentVerification> mine(PageRequest page) {
        // Across communities, so not through the tenant filter: the subject is the filter.
        String subject = caller.subject();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, community_code, method, status, phone, person_id, "
                + "requested_at, decided_at, reason, applicant from resident_verifications "
                + "where subject = ?1 and id > ?2 order by id limit ?3")
                .setParameter(1, subject).setParameter(2, page.afterId()).setParameter(3, page.first() + 1)
                .getResultList();
        int total = Selection.includes("totalCount") ? ((Number) em.createNativeQuery(
                "select count(*) from resident_verifications where subject = ?1").setParameter(1, subject)
                .getSingleResult()).intValue() : 0;
        List<ResidentVerification> mine = rows.stream().map(row -> {
            ResidentVerification v = new ResidentVerification();
            v.id = ((Number) row[0]).longValue();
            v.communityCode = (String) row[1];
            v.method = Method.valueOf((String) row[2]);
            v.status = Status.valueOf((String) row[3]);
            v.phone = (String) row[4];
            v.personId = row[5] == null ? null : ((Number) row[5]).longValue();
            v.requestedAt = offset(row[6]);
            v.decidedAt = offset(row[7]);
            v.reason = (String) row[8];
            v.applicant = (String) row[9];
            v.subject = subject;
            return v;
        }).toList();
        return Connection.ofRows(mine, page, v -> v.id, v -> v, total);
    }

    private static OffsetDateTime offset(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof java.time.Instant i) {
            return i.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    @Transactional
    public ResidentVerification approve(Long id, Long personId) {
        String community = context.require();
        ResidentVerification verification = pending(id);
        links.lockSubject(community, verification.subject);
        em.refresh(verification); // as committed now: a decision made meanwhile wins
        pending(id);
        Person person = lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        ResidentLinks.requireFree(person);
        links.requireNotLinked(verification.subject);
        links.link(community, person, verification);
        return verification;
    }

    @Transactional
    public ResidentVerification reject(Long id, String reason) {
        String community = context.require();
        if (reason == null || reason.isBlank() || reason.length() > MAX_REASON_LENGTH) {
            throw ValidationFailedException.of("reason", Msg.of("core.resident.reason.format", MAX_REASON_LENGTH));
        }
        ResidentVerification verification = pending(id);
        verification.status = Status.REJECTED;
        verification.reason = reason.trim();
        verification.decidedAt = OffsetDateTime.now();
        verification.decidedBy = caller.actor();
        audit.record(community, "resident.verification-rejected", "resident-verification", verification.id,
                Map.of("subject", verification.subject));
        return verification;
    }

    @Transactional
    public Person unlink(Long personId) {
        String community = context.require();
        Person person = lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        links.lockPerson(person);
        if (person.subject == null) {
            throw ValidationFailedException.of("personId", Msg.of("core.resident.notLinked"));
        }
        links.unlink(community, person);
        return person;
    }

    private ResidentVerification pending(Long id) {
        ResidentVerification verification = lookup.require(ResidentVerification.class, id,
                Msg.of("core.thing.residentVerification"));
        if (verification.status != Status.PENDING) {
            throw new ConflictException(Msg.of("core.resident.notPending", verification.status.name()))
                    .withReason("NOT_PENDING");
        }
        return verification;
    }
}
