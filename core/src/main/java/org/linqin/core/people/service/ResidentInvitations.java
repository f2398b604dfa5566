package org.linqin.core.people.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.model.ResidentInvitation;
import org.linqin.core.people.model.ResidentVerification;
import org.linqin.core.people.model.ResidentVerification.Method;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;

/**
 * One-time invitation codes (邀请码) for resident verification: staff issue one for a person record without a login
 * and hand it over in person; the resident redeems it once, before it expires. Codes are 12 characters of an
 * alphabet without look-alikes (about 59 bits), shown once and kept only as their SHA-256; a user's failed
 * redemptions are counted across communities and replicas, and beyond the limit refused for a while.
 */
@ApplicationScoped
public class ResidentInvitations {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 12;
    private static final Pattern CODE = Pattern.compile("[" + ALPHABET + "]{" + LENGTH + "}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A code issued now and the invitation it opens. */
    public record Issued(ResidentInvitation invitation, String code) {
    }

    @ConfigProperty(name = "linqin.resident-verification.invitation-validity", defaultValue = "P7D")
    Duration validity;

    @Inject
    CommunityContext context;

    @Inject
    Caller caller;

    @Inject
    Lookup lookup;

    @Inject
    AuditLog audit;

    @Inject
    ResidentLinks links;

    @Inject
    ResidentVerificationService verifications;

    @Inject
    RedemptionAttempts attempts;

    /** Staff: a new code for the person; codes issued earlier for them and not used stop working. */
    @Transactional
    public Issued issue(Long personId) {
        String community = context.require();
        Person person = lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        ResidentLinks.requireFree(person);
        OffsetDateTime now = OffsetDateTime.now();
        for (ResidentInvitation open : ResidentInvitation.<ResidentInvitation> list(
                "personId = ?1 and usedAt is null and revokedAt is null", person.id)) {
            open.revokedAt = now;
        }
        String code = newCode();
        ResidentInvitation invitation = new ResidentInvitation();
        invitation.personId = person.id;
        invitation.codeHash = hash(code);
        invitation.issuedBy = caller.actor();
        invitation.issuedAt = now;
        invitation.expiresAt = now.plus(validity);
        invitation.persist();
        audit.record(community, "resident.invitation-issued", "person", person.id,
                Map.of("invitation", invitation.id, "expiresAt", invitation.expiresAt.toString()));
        return new Issued(invitation, code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8));
    }

    /** The caller redeems a code of the addressed community and becomes the resident of its person record. */
    @Transactional
    public ResidentVerification redeem(String code) {
        String community = context.require();
        String subject = caller.subject();
        links.lockSubject(community, subject);
        attempts.requireNotBlocked(subject);
        links.requireNotLinked(subject);
        String normalized = code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        ResidentInvitation invitation = CODE.matcher(normalized).matches()
                ? ResidentInvitation.find("codeHash", hash(normalized)).firstResult()
                : null;
        if (invitation == null) {
            throw refused(subject, "core.resident.invitation.unknown", "UNKNOWN");
        }
        if (invitation.usedAt != null) {
            throw refused(subject, "core.resident.invitation.used", "USED");
        }
        if (invitation.revokedAt != null) {
            throw refused(subject, "core.resident.invitation.replaced", "REPLACED");
        }
        if (!invitation.expiresAt.isAfter(OffsetDateTime.now())) {
            throw refused(subject, "core.resident.invitation.expired", "EXPIRED");
        }
        Person person = lookup.require(Person.class, invitation.personId, Msg.of("core.thing.person"));
        invitation.usedAt = OffsetDateTime.now();
        invitation.usedBy = subject;
        ResidentVerification verification = verifications.request(subject, Method.INVITATION);
        links.link(community, person, verification);
        return verification;
    }

    private ValidationFailedException refused(String subject, String key, String reason) {
        attempts.recordFailure(subject);
        return ValidationFailedException.of("code", Msg.of(key)).withReason(reason);
    }

    static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
