package org.linqin.fourlists.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.grid.spi.GridDirectory.CategoryCount;

/**
 * The four lists at a glance, per community or grid: wishes by state and scope, the median time from wish to
 * achieved, overdue tasks and claims by party, evaluation scores; and, for handling before complaints (未诉先办),
 * incident categories that keep coming back in a grid, as candidate wishes.
 */
@ApplicationScoped
public class DashboardService {

    public record Count(String key, long count) {
    }

    public record Dashboard(List<Count> wishesByState, List<Count> wishesByScope, Double medianDaysToAchieved,
            List<Count> overdueTasksByParty, List<Count> claimsByParty, Double evaluationAverage, long evaluations) {
    }

    /** An incident category that came back in a grid in several months: worth a wish before anyone complains. */
    public record Candidate(long gridId, String gridName, String category, long incidents, int months) {
    }

    @Inject
    CommunityContext context;

    @Inject
    EntityManager em;

    @Inject
    EnabledModules enabled;

    @Inject
    FourListsAccess access;

    @Inject
    FourListsNeighbours neighbours;

    public Dashboard of(Long gridId) {
        access.requireReader(Msg.of("fourlists.need.fourListsDashboardRead"));
        String community = context.require();
        // wishes of the grid: scoped to it, or to one of its buildings
        List<Long> buildings = List.of(-1L);
        if (gridId != null) {
            List<Long> inGrid = new ArrayList<>(neighbours.buildingsOf(gridId));
            inGrid.add(-1L); // "in ()" is no SQL
            buildings = inGrid;
        }
        String wishes = "select * from fl_wishes w where w.community_code = :c and (cast(:grid as bigint) is null"
                + " or (w.scope_kind = 'GRID' and w.scope_id = :grid) or (w.scope_kind = 'BUILDING' and w.scope_id in"
                + " (:buildings)))";
        List<Count> byState = counts("select state, count(*) from (" + wishes + ") w group by state order by state",
                community, gridId, buildings);
        List<Count> byScope = counts("select scope_kind, count(*) from (" + wishes + ") w group by scope_kind"
                + " order by scope_kind", community, gridId, buildings);
        List<Count> overdue = counts("select t.party, count(*) from fl_tasks t join (" + wishes + ") w on w.id ="
                + " t.wish_id where t.overdue_since is not null and t.state in ('OPEN', 'IN_PROGRESS')"
                + " group by t.party order by t.party", community, gridId, buildings);
        List<Count> claims = counts("select c.party, count(*) from fl_claims c join fl_projects p on p.id ="
                + " c.project_id left join (" + wishes + ") w on w.id = p.wish_id where c.community_code = :c"
                + " and (cast(:grid as bigint) is null or w.id is not null) group by c.party order by c.party",
                community, gridId, buildings);
        Object[] figures = (Object[]) query("select (select percentile_cont(0.5) within group (order by extract(epoch"
                + " from w.closed_at - w.created_at) / 86400) from (" + wishes + ") w where w.state = 'ACHIEVED'),"
                + " (select avg(e.rating) from fl_evaluations e join (" + wishes + ") w on w.id = e.wish_id),"
                + " (select count(*) from fl_evaluations e join (" + wishes + ") w on w.id = e.wish_id)",
                community, gridId, buildings).getSingleResult();
        return new Dashboard(byState, byScope, figures[0] == null ? null : ((Number) figures[0]).doubleValue(),
                overdue, claims, figures[1] == null ? null : ((Number) figures[1]).doubleValue(),
                ((Number) figures[2]).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Count> counts(String sql, String community, Long gridId, List<Long> buildings) {
        return ((List<Object[]>) query(sql, community, gridId, buildings).getResultList()).stream()
                .map(r -> new Count((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    private jakarta.persistence.Query query(String sql, String community, Long gridId, List<Long> buildings) {
        return em.createNativeQuery(sql).setParameter("c", community).setParameter("grid", gridId)
                .setParameter("buildings", buildings);
    }

    /** Categories with incidents in at least two of the last months in a grid (grid module). */
    public List<Candidate> candidates(int months) {
        access.requireReader(Msg.of("fourlists.need.candidateWishesRead"));
        if (months < 2 || months > 24) {
            throw ValidationFailedException.of("months", Msg.of("fourlists.dashboard.must"));
        }
        enabled.require(context.require(), FourListsNeighbours.GRID);
        List<CategoryCount> counts = neighbours.incidentsByGridAndCategory(OffsetDateTime.now().minusMonths(months));
        return counts.stream().filter(c -> c.months() >= 2)
                .map(c -> new Candidate(c.gridId(), c.gridName(), c.category(), c.incidents(), c.months())).toList();
    }
}
