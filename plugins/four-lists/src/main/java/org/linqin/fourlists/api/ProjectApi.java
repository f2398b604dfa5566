package org.linqin.fourlists.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.fourlists.api.FourListsViews.ClaimView;
import org.linqin.fourlists.api.FourListsViews.CoverageView;
import org.linqin.fourlists.api.FourListsViews.ProjectView;
import org.linqin.fourlists.api.FourListsViews.TimelineView;
import org.linqin.fourlists.model.Need;
import org.linqin.fourlists.model.ProjectState;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.service.FourListsInputs.NewClaim;
import org.linqin.fourlists.service.FourListsInputs.NewProject;
import org.linqin.fourlists.service.ProjectService;
import org.linqin.fourlists.service.Timeline;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class ProjectApi {

    @Inject
    ProjectService projects;

    @Inject
    Timeline timeline;

    @Mutation
    @Authenticated
    @Description("Proposes a micro practical matter (微实事) at a meeting, with its needs (money, labour, materials, "
            + "venue), optionally carrying out an accepted wish; the meeting's runners; audited. Plugin four-lists. "
            + "提出微实事")
    public ProjectView proposeMicroProject(@NonNull NewProject input) {
        return ProjectView.of(projects.propose(input));
    }

    @Mutation
    @Authenticated
    @Description("Claims part of a need of a proposed project for a party, with a commitment, by the party's role "
            + "(committee-member for COMMUNITY, property-staff, owners-committee, partner-staff) or a community admin; "
            + "never more than is left (OVER_CLAIMED, NOT_CLAIMABLE). The project starts when every need is covered. "
            + "Audited. Plugin four-lists. 认领项目")
    public ClaimView claimMicroProject(@NonNull @Id @Description("The project. 项目") Long projectId,
            @NonNull NewClaim input) {
        return ClaimView.of(projects.claim(projectId, input));
    }

    @Mutation
    @Authenticated
    @Description("Reports progress of a started project (NOT_STARTED); its proposer, admins and committee members. "
            + "Plugin four-lists. 项目进展")
    public ProjectView reportMicroProjectProgress(@NonNull @Id @Description("The project. 项目") Long id,
            @Description("Progress, 0 to 100. 进度") Integer progress,
            @NonNull @Description("What was done. 进展说明") String note) {
        return ProjectView.of(projects.progress(id, progress, note, false));
    }

    @Mutation
    @Authenticated
    @Description("Completes a started project; its proposer, admins and committee members. When a wish's last task or "
            + "project finishes, its evaluation opens. Plugin four-lists. 项目完成")
    public ProjectView completeMicroProject(@NonNull @Id @Description("The project. 项目") Long id,
            @NonNull @Description("What was achieved. 完成说明") String note) {
        return ProjectView.of(projects.progress(id, null, note, true));
    }

    @Mutation
    @Authenticated
    @Description("Drops a proposed project whose needs will not be covered, with the reason (NOT_CLAIMABLE once it "
            + "started); admins and committee members. Its wish may then go to evaluation. Plugin four-lists. 取消项目")
    public ProjectView cancelMicroProject(@NonNull @Id @Description("The project. 项目") Long id,
            @NonNull @Description("Why, at most 2000 characters. 原因") String reason) {
        return ProjectView.of(projects.cancel(id, reason));
    }

    @Query
    @Description("Micro projects of the wishes the caller may see (and those without a wish), by id, optionally by "
            + "state or wish. Plugin four-lists. 项目认领清单")
    public Connection<ProjectView> microProjects(@Description("State. 状态") ProjectState state,
            @Id @Description("The wish. 愿望") Long wishId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return projects.list(new ProjectService.Filter(state, wishId), PageRequest.of(first, after))
                .map(ProjectView::of);
    }

    @Query
    @Description("One micro project. Plugin four-lists. 微实事项目")
    public ProjectView microProject(@NonNull @Id @Description("The project. 项目") Long id) {
        return ProjectView.of(projects.visible(id));
    }

    @Description("Claims, in order (batched). 认领")
    public List<List<ClaimView>> claims(@Source List<ProjectView> of) {
        return projects.claims(of.stream().map(ProjectView::id).toList()).stream()
                .map(l -> l.stream().map(ClaimView::of).toList()).toList();
    }

    @Description("How much of each need is claimed (batched). 认领进度")
    public List<List<CoverageView>> coverage(@Source List<ProjectView> of) {
        List<long[]> claimed = projects.claimed(of.stream().map(ProjectView::id).toList());
        List<List<CoverageView>> coverage = new ArrayList<>();
        for (int p = 0; p < of.size(); p++) {
            List<CoverageView> needs = new ArrayList<>();
            List<Need> wanted = of.get(p).needs();
            for (int i = 0; i < wanted.size(); i++) {
                needs.add(new CoverageView(i, wanted.get(i).kind(), wanted.get(i).quantity(), claimed.get(p)[i]));
            }
            coverage.add(needs);
        }
        return coverage;
    }

    @Description("Its timeline: proposal, claims, start, progress, completion (batched). 历程")
    public List<List<TimelineView>> history(@Source List<ProjectView> of) {
        return timeline.of(SubjectKind.PROJECT, of.stream().map(ProjectView::id).toList()).stream()
                .map(l -> l.stream().map(TimelineView::of).toList()).toList();
    }
}
