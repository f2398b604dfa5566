package org.linqin.fourlists.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.fourlists.api.FourListsViews.CandidateView;
import org.linqin.fourlists.api.FourListsViews.DashboardView;
import org.linqin.fourlists.service.DashboardService;

@GraphQLApi
@ModuleGuarded
public class DashboardApi {

    @Inject
    DashboardService dashboards;

    @Query
    @Description("The four lists at a glance, for the community or one grid (grid module): wishes by state and scope, "
            + "median days to achieved, overdue tasks and claims by party, evaluation scores. Admins, committee "
            + "members and grid workers. Plugin four-lists. 四单看板")
    public DashboardView fourListsDashboard(@Id @Description("Only this grid's wishes. 网格") Long gridId) {
        return DashboardView.of(dashboards.of(gridId));
    }

    @Query
    @Description("Handle before complaints (未诉先办): incident categories that came back in a grid in at least two "
            + "of the last months, as candidate wishes (grid module). Admins, committee members and grid workers. "
            + "Plugin four-lists. 候选愿望")
    public List<CandidateView> candidateWishes(@Description("Months to look back, 2 to 24 (default 6). 月数") Integer months) {
        return dashboards.candidates(months == null ? 6 : months).stream().map(CandidateView::of).toList();
    }
}
