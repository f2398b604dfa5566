package org.linqin.grid.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.tenancy.CommunityContext;

/** The outcome figures of a community over a period, in two SQL statements whatever the number of incidents. */
@ApplicationScoped
public class StatisticsService {

    /** A count of incidents for one value of one dimension (category, level, state or grid). */
    public record Count(String dimension, String value, long incidents) {
    }

    /** The figures. Times are in seconds; null where no incident qualifies. */
    public record Statistics(long total, List<Count> counts, Double medianSecondsToAcknowledge,
            Double medianSecondsToResolve, long overdue, long disputesSettledInBuilding,
            long disputesSettledInCommunity, Double meanRating, long ratings) {
    }

    @Inject
    CommunityContext context;

    @Inject
    EntityManager em;

    public Statistics of(OffsetDateTime from, OffsetDateTime to) {
        String community = context.require();
        if (from == null || to == null || !to.isAfter(from)) {
            throw ValidationFailedException.of("to", Msg.of("grid.statistics.mustAfterFrom"));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> grouped = em.createNativeQuery("select grouping(category, level, state, grid_id), category,"
                + " level, state, grid_id, count(*) from grid_incidents"
                + " where community_code = ?1 and reported_at >= ?2 and reported_at < ?3"
                + " group by grouping sets ((category), (level), (state), (grid_id))")
                .setParameter(1, community).setParameter(2, from).setParameter(3, to).getResultList();
        List<Count> counts = new ArrayList<>();
        for (Object[] row : grouped) {
            int grouping = ((Number) row[0]).intValue();
            long n = ((Number) row[5]).longValue();
            // grouping() has a bit set for each column NOT in the set: 0b0111 → category, 0b1011 → level, …
            switch (grouping) {
                case 0b0111 -> counts.add(new Count("category", String.valueOf(row[1]), n));
                case 0b1011 -> counts.add(new Count("level", String.valueOf(row[2]), n));
                case 0b1101 -> counts.add(new Count("state", String.valueOf(row[3]), n));
                case 0b1110 -> counts.add(new Count("grid", row[4] == null ? "none" : String.valueOf(row[4]), n));
                default -> {
                }
            }
        }
        counts.sort((a, b) -> a.dimension().equals(b.dimension()) ? a.value().compareTo(b.value())
                : a.dimension().compareTo(b.dimension()));
        Object[] totals = (Object[]) em.createNativeQuery("select count(*),"
                + " percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - reported_at))"
                + "   filter (where acknowledged_at is not null),"
                + " percentile_cont(0.5) within group (order by extract(epoch from resolved_at - reported_at))"
                + "   filter (where resolved_at is not null),"
                + " count(*) filter (where overdue or (state in ('REPORTED', 'ACKNOWLEDGED', 'IN_PROGRESS')"
                + "   and level_deadline < now())),"
                + " count(*) filter (where category = 'neighbour-dispute' and settled_at = 'BUILDING'),"
                + " count(*) filter (where category = 'neighbour-dispute' and settled_at = 'COMMUNITY'),"
                + " avg(rating), count(rating)"
                + " from grid_incidents where community_code = ?1 and reported_at >= ?2 and reported_at < ?3")
                .setParameter(1, community).setParameter(2, from).setParameter(3, to).getSingleResult();
        return new Statistics(((Number) totals[0]).longValue(), counts, number(totals[1]), number(totals[2]),
                ((Number) totals[3]).longValue(), ((Number) totals[4]).longValue(), ((Number) totals[5]).longValue(),
                number(totals[6]), ((Number) totals[7]).longValue());
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
