package org.linqin.volunteer.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleService;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.signup.SignUp;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.volunteer.VolunteerTeamModule;
import org.linqin.volunteer.model.HoursEntry;
import org.linqin.volunteer.model.HoursKind;
import org.linqin.volunteer.model.HoursState;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.service.VolunteerInputs.Backfill;

/**
 * The hours ledger: verified hours from check-in and check-out, back-filled hours approved by a community admin,
 * corrections as new entries. Totals are sums in SQL, one statement whatever the number of entries.
 */
@ApplicationScoped
public class HoursService {

    /** A person's totals: verified (信用时长) and back-filled (荣誉时长) minutes, approved only. */
    public record Totals(long verifiedMinutes, long backfilledMinutes) {
    }

    /** Approved minutes of one month. */
    public record Month(String month, long verifiedMinutes, long backfilledMinutes) {
    }

    /** A person and their verified minutes, for the leaderboard. */
    public record Ranked(Long personId, String name, long verifiedMinutes) {
    }

    /**
     * What counts: approved entries of the community (given as a query parameter, e.g. {@code ?1}), a correction
     * counted as the kind it corrects. Columns person_id, team_id, worked_on, minutes, kind.
     */
    static String effective(String community) {
        return "select h.person_id, h.team_id, h.worked_on, h.minutes,"
                + " case when h.kind = 'CORRECTION' then o.kind else h.kind end as kind"
                + " from volunteer_hours h left join volunteer_hours o on o.id = h.corrects_id"
                + " where h.community_code = " + community + " and h.state = 'APPROVED'";
    }

    @Inject
    CommunityContext context;

    @Inject
    CommunityDirectory directory;

    @Inject
    ModuleService modules;

    @Inject
    Lookup lookup;

    @Inject
    OwnRecord ownRecord;

    @Inject
    Caller caller;

    @Inject
    TeamAccess access;

    @Inject
    PointsService points;

    @Inject
    InputValidator inputs;

    @Inject
    Pagination pagination;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    /** Writes the verified hours of a checked-out sign-up and the points they earn. Runs in the caller's transaction. */
    public HoursEntry recordVerified(Shift shift, SignUp signUp, String by) {
        int minutes = Attendance.minutesServed(shift.startsAt, shift.endsAt, signUp.checkedInAt, signUp.checkedOutAt);
        if (minutes <= 0) {
            return null;
        }
        ZoneId zone = directory.timeZone(context.require());
        HoursEntry entry = new HoursEntry();
        entry.personId = signUp.personId;
        entry.teamId = shift.teamId;
        entry.shiftId = shift.id;
        entry.signUpId = signUp.id;
        entry.kind = HoursKind.VERIFIED;
        entry.state = HoursState.APPROVED;
        entry.minutes = minutes;
        entry.workedOn = shift.startsAt.atZoneSameInstant(zone).toLocalDate();
        entry.recordedBy = by;
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
        long rate = modules.settings(VolunteerTeamModule.ID).integer(VolunteerTeamModule.POINTS_PER_HOUR);
        int earned = (int) (minutes * rate / 60);
        if (earned > 0) {
            points.earn(signUp.personId, earned, "Verified hours on shift " + shift.id, entry.id);
        }
        return entry;
    }

    /** A leader enters hours served without check-in; PENDING until a community admin decides. */
    @Transactional
    public HoursEntry backfill(Backfill input) {
        inputs.validate("input", input);
        lookup.require(Team.class, input.teamId(), Msg.of("volunteer.thing.team"));
        access.requireLeads(input.teamId(), Msg.of("volunteer.need.hoursBackFilled"));
        lookup.require(Person.class, input.personId(), Msg.of("core.thing.person"));
        if (TeamMember.count("teamId = ?1 and personId = ?2 and state = ?3", input.teamId(), input.personId(),
                MembershipState.ACTIVE) == 0) {
            throw ValidationFailedException.of("input.personId",
                    Msg.of("volunteer.hours.notMemberTeam")).withReason("NOT_MEMBER");
        }
        LocalDate today = LocalDate.now(directory.timeZone(context.require()));
        if (input.workedOn().isAfter(today) || input.workedOn().isBefore(today.minusYears(1))) {
            throw ValidationFailedException.of("input.workedOn", Msg.of("volunteer.hours.mustWithinLastYear"));
        }
        HoursEntry entry = new HoursEntry();
        entry.personId = input.personId();
        entry.teamId = input.teamId();
        entry.kind = HoursKind.BACKFILLED;
        entry.state = HoursState.PENDING;
        entry.minutes = input.minutes();
        entry.workedOn = input.workedOn();
        entry.reason = input.reason().strip();
        entry.recordedBy = caller.actor();
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
        audit.record(context.require(), "volunteer.hours-backfilled", "volunteer-hours", entry.id,
                Map.of("person", entry.personId, "minutes", entry.minutes));
        return entry;
    }

    /** A correction of an earlier entry, positive or negative, with a reason; a leader's waits for approval. */
    @Transactional
    public HoursEntry correct(Long entryId, int minutes, String reason) {
        HoursEntry corrected = lookup.require(HoursEntry.class, entryId, Msg.of("volunteer.thing.hoursEntry"));
        access.requireLeads(corrected.teamId, Msg.of("volunteer.need.hoursCorrected"));
        if (corrected.kind == HoursKind.CORRECTION) {
            throw ValidationFailedException.of("id", Msg.of("volunteer.hours.itselfCorrectionCorrectOriginal"));
        }
        if (minutes == 0 || Math.abs(minutes) > 1440) {
            throw ValidationFailedException.of("minutes", Msg.of("volunteer.hours.mustBetweenNot"));
        }
        if (corrected.state != HoursState.APPROVED) {
            throw ValidationFailedException.of("id",
                    Msg.of("volunteer.hours.onlyApprovedEntriesCorrected", corrected.state));
        }
        requireNotBelowZero(corrected.id, minutes);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.hours.requiredMostCharacters"));
        }
        HoursEntry entry = new HoursEntry();
        entry.personId = corrected.personId;
        entry.teamId = corrected.teamId;
        entry.shiftId = corrected.shiftId;
        entry.kind = HoursKind.CORRECTION;
        entry.state = access.isAdmin() ? HoursState.APPROVED : HoursState.PENDING;
        entry.minutes = minutes;
        entry.workedOn = corrected.workedOn;
        entry.reason = reason.strip();
        entry.correctsId = corrected.id;
        entry.recordedBy = caller.actor();
        entry.decidedBy = access.isAdmin() ? caller.actor() : null;
        entry.createdAt = OffsetDateTime.now();
        entry.persist();
        audit.record(context.require(), "volunteer.hours-corrected", "volunteer-hours", entry.id,
                Map.of("corrects", corrected.id, "minutes", minutes));
        return entry;
    }

    /** An entry with its approved corrections (and {@code more}) may not count less than nothing. */
    private void requireNotBelowZero(Long entryId, int more) {
        long total = em.createQuery("select e.minutes + coalesce((select sum(c.minutes) from HoursEntry c where "
                + "c.correctsId = e.id and c.state = ?2), 0) from HoursEntry e where e.id = ?1", Number.class)
                .setParameter(1, entryId).setParameter(2, HoursState.APPROVED).getSingleResult().longValue();
        if (total + more < 0) {
            throw ValidationFailedException.of("minutes", Msg.of("volunteer.hours.wouldTakeEntryBelow", total));
        }
    }

    /** A community admin approves or declines a PENDING entry. */
    @Transactional
    public HoursEntry decide(Long entryId, boolean approve, String reason) {
        if (reason != null && reason.length() > 500) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.hours.mustMostCharacters"));
        }
        HoursEntry entry = lookup.require(HoursEntry.class, entryId, Msg.of("volunteer.thing.hoursEntry"));
        if (entry.state != HoursState.PENDING) {
            throw new ConflictException(Msg.of("volunteer.hours.entryNotPending", entry.state));
        }
        if (!approve && (reason == null || reason.isBlank())) {
            throw ValidationFailedException.of("reason", Msg.of("volunteer.hours.requiredWhenDeclining"));
        }
        if (approve && entry.kind == HoursKind.CORRECTION) {
            requireNotBelowZero(entry.correctsId, 0);
        }
        entry.state = approve ? HoursState.APPROVED : HoursState.DECLINED;
        entry.decidedBy = caller.actor();
        entry.decisionReason = reason;
        audit.record(context.require(), approve ? "volunteer.hours-approved" : "volunteer.hours-declined",
                "volunteer-hours", entry.id, Map.of());
        return entry;
    }

    /** Entries waiting for a community admin. */
    public Connection<HoursEntry> pending(PageRequest page) {
        return pagination.page(HoursEntry.class, "e.state = :pending", Map.of("pending", HoursState.PENDING), page,
                e -> e);
    }

    /** A person's ledger: their own, or any for a community admin, or a member's for that member's team leaders. */
    public Connection<HoursEntry> ledger(Long personId, PageRequest page) {
        Long person = readablePerson(personId);
        return pagination.page(HoursEntry.class, "e.personId = :person", Map.of("person", person), page, e -> e);
    }

    public Totals totals(Long personId) {
        Long person = readablePerson(personId);
        Object[] row = (Object[]) em.createNativeQuery("select coalesce(sum(minutes) filter (where kind = 'VERIFIED'), 0),"
                + " coalesce(sum(minutes) filter (where kind = 'BACKFILLED'), 0) from (" + effective("?1")
                + " and h.person_id = ?2) x").setParameter(1, context.require()).setParameter(2, person)
                .getSingleResult();
        return new Totals(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Approved minutes per month in [from, to), of one person (whom the caller may read) or of one team. */
    public List<Month> months(Long personId, Long teamId, LocalDate from, LocalDate to) {
        if (!to.isAfter(from) || to.isAfter(from.plusYears(5))) {
            throw ValidationFailedException.of("to", Msg.of("volunteer.hours.mustAfterFromMost"));
        }
        return monthsOf(personId != null ? readablePerson(personId) : null, teamId, from, to);
    }

    /** As {@link #months}, without asking who reads. */
    List<Month> monthsOf(Long personId, Long teamId, LocalDate from, LocalDate to) {
        String filter = personId != null ? " and h.person_id = ?4" : " and h.team_id = ?4";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select to_char(worked_on, 'YYYY-MM'),"
                + " coalesce(sum(minutes) filter (where kind = 'VERIFIED'), 0),"
                + " coalesce(sum(minutes) filter (where kind = 'BACKFILLED'), 0) from (" + effective("?1")
                + " and h.worked_on >= ?2 and h.worked_on < ?3" + filter + ") x group by 1 order by 1")
                .setParameter(1, context.require()).setParameter(2, from).setParameter(3, to)
                .setParameter(4, personId != null ? personId : teamId).getResultList();
        List<Month> months = new ArrayList<>();
        rows.forEach(r -> months.add(new Month((String) r[0], ((Number) r[1]).longValue(), ((Number) r[2]).longValue())));
        return months;
    }

    /** Verified minutes per person of those who opted in, most first. */
    public List<Ranked> leaderboard(int first) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select p.id, p.name, sum(x.minutes) from (" + effective("?1") + ") x"
                + " join volunteer_profiles v on v.community_code = ?1 and v.person_id = x.person_id"
                + " and v.leaderboard_opt_in join people p on p.id = x.person_id where x.kind = 'VERIFIED'"
                + " group by p.id, p.name having sum(x.minutes) > 0 order by 3 desc, p.id limit ?2")
                .setParameter(1, context.require()).setParameter(2, first).getResultList();
        return rows.stream().map(r -> new Ranked(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue())).toList();
    }

    public StarLevels starLevels() {
        return StarLevels.parse(modules.settings(VolunteerTeamModule.ID).string(VolunteerTeamModule.STAR_THRESHOLDS));
    }

    /** The caller's person id (FORBIDDEN without a record). */
    public Long ownPersonId() {
        return readablePerson(null);
    }

    /** The person whose hours the caller may read: themselves when null; FORBIDDEN for others' unless allowed. */
    public Long readable(Long personId) {
        return readablePerson(personId);
    }

    Long readablePerson(Long personId) {
        Person me = ownRecord.find().orElse(null);
        if (personId == null) {
            if (me == null) {
                throw new ForbiddenException(Msg.of("volunteer.hours.hoursKeptPeopleCommunity"));
            }
            return me.id;
        }
        lookup.require(Person.class, personId, Msg.of("core.thing.person"));
        if ((me != null && me.id.equals(personId)) || access.isAdmin()) {
            return personId;
        }
        List<Long> teams = TeamMember.<TeamMember> list("personId = ?1 and state = ?2", personId, MembershipState.ACTIVE)
                .stream().map(m -> m.teamId).toList();
        if (teams.stream().anyMatch(access::leads)) {
            return personId;
        }
        throw new ForbiddenException(Msg.of("volunteer.hours.personSHoursShown"));
    }
}
