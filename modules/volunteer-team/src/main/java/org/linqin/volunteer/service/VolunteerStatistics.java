package org.linqin.volunteer.service;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.ForbiddenException;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Selection;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.TeamMember;

/** Reports over the ledger and the shifts, each a fixed number of statements whatever the data. */
@ApplicationScoped
public class VolunteerStatistics {

    /** A person's approved minutes in a period. */
    public record PersonMinutes(Long personId, String name, long verifiedMinutes, long backfilledMinutes) {
    }

    /** A team's figures for shifts starting in a period. */
    public record TeamFigures(long shifts, long places, long placesTaken, long settledTaken, long noShows,
            long activeVolunteers, long members, long verifiedMinutes) {
    }

    @Inject
    CommunityContext context;

    @Inject
    CommunityDirectory directory;

    @Inject
    TeamAccess access;

    @Inject
    EntityManager em;

    /** Approved hours per person in [from, to), of one team (its leaders) or of all (community admins). */
    public Connection<PersonMinutes> hoursByPerson(LocalDate from, LocalDate to, Long teamId, PageRequest page) {
        checkPeriod(from, to);
        if (teamId == null ? !access.isAdmin() : !access.leads(teamId)) {
            throw new ForbiddenException(Msg.of("volunteer.volunteer.hoursReportsCommunityAdmins"));
        }
        String team = teamId == null ? "" : " and h.team_id = :team";
        var query = em.createNativeQuery("select x.person_id, p.name,"
                + " coalesce(sum(x.minutes) filter (where x.kind = 'VERIFIED'), 0),"
                + " coalesce(sum(x.minutes) filter (where x.kind = 'BACKFILLED'), 0) from ("
                + HoursService.effective(":community") + " and h.worked_on >= :from and h.worked_on < :to"
                + team + ") x join people p on p.id = x.person_id where x.person_id > :after"
                + " group by x.person_id, p.name order by x.person_id limit :size")
                .setParameter("community", context.require()).setParameter("from", from).setParameter("to", to)
                .setParameter("after", page.afterId()).setParameter("size", page.first() + 1);
        if (teamId != null) {
            query.setParameter("team", teamId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        int total = 0;
        if (Selection.includes("totalCount")) {
            var count = em.createNativeQuery("select count(distinct h.person_id) from volunteer_hours h where "
                    + "h.community_code = :community and h.state = 'APPROVED' and h.worked_on >= :from and "
                    + "h.worked_on < :to" + team).setParameter("community", context.require())
                    .setParameter("from", from).setParameter("to", to);
            if (teamId != null) {
                count.setParameter("team", teamId);
            }
            total = ((Number) count.getSingleResult()).intValue();
        }
        return Connection.ofRows(rows, page, r -> ((Number) r[0]).longValue(), r -> new PersonMinutes(
                ((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).longValue(), ((Number) r[3]).longValue()),
                total);
    }

    /** A team's figures for shifts starting in [from, to) (community time). */
    public TeamFigures team(Long teamId, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        String community = context.require();
        ZoneId zone = directory.timeZone(community);
        var start = from.atStartOfDay(zone).toOffsetDateTime();
        var end = to.atStartOfDay(zone).toOffsetDateTime();
        Object[] places = (Object[]) em.createNativeQuery("select count(distinct s.id), coalesce(sum(l.capacity), 0)"
                + " from volunteer_shifts s join volunteer_shift_positions p on p.shift_id = s.id"
                + " join sign_up_lists l on l.id = p.list_id where s.community_code = ?1 and s.team_id = ?2"
                + " and s.state = 'OPEN' and s.starts_at >= ?3 and s.starts_at < ?4").setParameter(1, community)
                .setParameter(2, teamId).setParameter(3, start).setParameter(4, end).getSingleResult();
        Object[] taken = (Object[]) em.createNativeQuery("select"
                + " count(*) filter (where u.state in ('CONFIRMED', 'NO_SHOW')),"
                + " count(*) filter (where u.state in ('CONFIRMED', 'NO_SHOW') and s.settled_at is not null),"
                + " count(*) filter (where u.state = 'NO_SHOW')"
                + " from volunteer_shifts s join volunteer_shift_positions p on p.shift_id = s.id"
                + " join sign_ups u on u.list_id = p.list_id where s.community_code = ?1 and s.team_id = ?2"
                + " and s.state = 'OPEN' and s.starts_at >= ?3 and s.starts_at < ?4").setParameter(1, community)
                .setParameter(2, teamId).setParameter(3, start).setParameter(4, end).getSingleResult();
        Object[] hours = (Object[]) em.createNativeQuery("select count(distinct x.person_id),"
                + " coalesce(sum(x.minutes) filter (where x.kind = 'VERIFIED'), 0) from (" + HoursService.effective("?1")
                + " and h.team_id = ?2 and h.worked_on >= ?3 and h.worked_on < ?4) x").setParameter(1, community)
                .setParameter(2, teamId).setParameter(3, from).setParameter(4, to).getSingleResult();
        long members = em.createQuery("select count(m) from TeamMember m where m.teamId = ?1 and m.state = ?2",
                Long.class).setParameter(1, teamId).setParameter(2, MembershipState.ACTIVE).getSingleResult();
        return new TeamFigures(n(places[0]), n(places[1]), n(taken[0]), n(taken[1]), n(taken[2]), n(hours[0]), members,
                n(hours[1]));
    }

    private static long n(Object value) {
        return ((Number) value).longValue();
    }

    private static void checkPeriod(LocalDate from, LocalDate to) {
        if (!to.isAfter(from) || to.isAfter(from.plusYears(5))) {
            throw ValidationFailedException.of("to", Msg.of("volunteer.volunteer.mustAfterFromMost"));
        }
    }
}
