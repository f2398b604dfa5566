package org.linqin.volunteer.service;

import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.community.model.Community;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.model.Person;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.volunteer.model.ServiceRecord;

/**
 * The service record of a person for a period (志愿服务记录证明, after the 志愿服务记录与证明出具办法): name, teams,
 * activities served, verified hours per month and in total. As data for GraphQL, and as a printable page behind an
 * unguessable link issued on request.
 */
@ApplicationScoped
public class ServiceRecords {

    public static final String PAGE_PATH = "/volunteer/records/";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The content of a record. */
    public record Content(Long personId, String name, String communityName, LocalDate from, LocalDate to,
            List<String> teams, List<String> activities, List<HoursService.Month> months, long verifiedMinutes,
            long backfilledMinutes) {
    }

    @Inject
    CommunityContext context;

    @Inject
    HoursService hours;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** The record's content for a person the caller may read (their own by default). */
    public Content content(Long personId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        return contentOf(hours.readable(personId), from, to);
    }

    /** Issues the printable page's link; audited, as the page is readable by whoever holds the link. */
    @Transactional
    public ServiceRecord issue(Long personId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        ServiceRecord record = new ServiceRecord();
        record.personId = hours.readable(personId);
        record.fromDate = from;
        record.toDate = to;
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        record.token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        record.issuedBy = caller.actor();
        record.issuedAt = OffsetDateTime.now();
        record.persist();
        audit.record(context.require(), "volunteer.service-record-issued", "person", record.personId,
                Map.of("from", from.toString(), "to", to.toString()));
        return record;
    }

    /** Runs inside the record's community. */
    public Content contentOf(Long personId, LocalDate from, LocalDate to) {
        Person person = Person.findById(personId);
        Community community = Community.find("code", context.require()).firstResult();
        @SuppressWarnings("unchecked")
        List<String> teams = em.createNativeQuery("select distinct t.name from volunteer_hours h join volunteer_teams t "
                + "on t.id = h.team_id where h.community_code = ?1 and h.person_id = ?2 and h.state = 'APPROVED' and "
                + "h.worked_on >= ?3 and h.worked_on < ?4 order by 1").setParameter(1, context.require())
                .setParameter(2, personId).setParameter(3, from).setParameter(4, to).getResultList();
        @SuppressWarnings("unchecked")
        List<String> activities = em.createNativeQuery("select distinct a.title from volunteer_hours h join "
                + "volunteer_shifts s on s.id = h.shift_id join volunteer_activities a on a.id = s.activity_id where "
                + "h.community_code = ?1 and h.person_id = ?2 and h.state = 'APPROVED' and h.worked_on >= ?3 and "
                + "h.worked_on < ?4 order by 1").setParameter(1, context.require()).setParameter(2, personId)
                .setParameter(3, from).setParameter(4, to).getResultList();
        List<HoursService.Month> months = hours.monthsOf(personId, null, from, to);
        long verified = months.stream().mapToLong(HoursService.Month::verifiedMinutes).sum();
        long backfilled = months.stream().mapToLong(HoursService.Month::backfilledMinutes).sum();
        return new Content(personId, person.name, community.name, from, to, teams, activities, months, verified,
                backfilled);
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (!to.isAfter(from) || to.isAfter(from.plusYears(5))) {
            throw ValidationFailedException.of("to", Msg.of("volunteer.serviceRecords.mustAfterFromMost"));
        }
    }
}
