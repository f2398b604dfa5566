package org.linqin.fourlists.api;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.fourlists.api.FourListsViews.DutyView;
import org.linqin.fourlists.api.FourListsViews.TaskView;
import org.linqin.fourlists.api.FourListsViews.TimelineView;
import org.linqin.fourlists.model.Party;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.service.FourListsInputs.NewTask;
import org.linqin.fourlists.service.FourListsInputs.TaskUpdate;
import org.linqin.fourlists.service.FourListsNeighbours;
import org.linqin.fourlists.service.TaskService;
import org.linqin.fourlists.service.Timeline;
import org.linqin.organisation.spi.OrganisationDirectory.Commitment;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class TaskApi {

    @Inject
    TaskService tasks;

    @Inject
    Timeline timeline;

    @Inject
    FourListsNeighbours neighbours;

    @Mutation
    @Authenticated
    @Description("Splits an accepted wish into tasks (1 to 20) at a tripartite joint meeting (NOT_TRIPARTITE, "
            + "NOT_ACCEPTED), each assigned to the party whose duty it is, with a unit and a due date; the wish goes "
            + "IN_PROGRESS. Admins and committee members; audited. Plugin four-lists. 拆分任务")
    public List<TaskView> splitWishIntoTasks(@NonNull @Id @Description("The wish. 愿望") Long wishId,
            @NonNull @Id @Description("The tripartite joint meeting. 三方联席会议") Long meetingId,
            @NonNull @Description("The tasks. 任务") List<NewTask> tasks) {
        return this.tasks.split(wishId, meetingId, tasks).stream().map(TaskView::of).toList();
    }

    @Mutation
    @Authenticated
    @Description("Reports progress of an open task: IN_PROGRESS, DONE (progress 100) or, by the staff, CANCELLED; by "
            + "the role of its party (committee-member for COMMUNITY, property-staff for PROPERTY, owners-committee, "
            + "partner-staff) or a community admin (TASK_CLOSED). When a wish's last task or project finishes, its "
            + "evaluation opens. Plugin four-lists. 更新任务进展")
    public TaskView updateWishTask(@NonNull @Id @Description("The task. 任务") Long id, @NonNull TaskUpdate input) {
        return TaskView.of(tasks.update(id, input));
    }

    @Mutation
    @Authenticated
    @Description("Escalates an open task past its due date into a level-3 whistle incident summoning its unit (grid "
            + "module; NOT_OVERDUE, ESCALATED); admins and committee members. The escalation job does this by itself "
            + "after the whistle-after-days setting. Plugin four-lists. 逾期吹哨")
    public TaskView escalateWishTask(@NonNull @Id @Description("The task. 任务") Long id) {
        return TaskView.of(tasks.escalate(id));
    }

    @Query
    @Description("Tasks of the wishes the caller may see, by id, optionally by state, wish, party or overdue. Plugin "
            + "four-lists. 任务清单")
    public Connection<TaskView> wishTasks(@Description("State. 状态") TaskState state,
            @Id @Description("The wish. 愿望") Long wishId,
            @Description("Party. 责任方") Party party,
            @Description("Only overdue open tasks (true) or the others (false). 逾期") Boolean overdue,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return tasks.list(new TaskService.Filter(state, wishId, party, overdue), PageRequest.of(first, after))
                .map(TaskView::of);
    }

    @Query
    @Description("What a unit committed to in signed co-construction agreements, to assign tasks by duty "
            + "(organisation module; empty where it is off). Plugin four-lists. 协议职责")
    public List<DutyView> agreedDuties(@NonNull @Id @Description("The organisation unit. 单位") Long unitId) {
        return neighbours.commitmentsOf(List.of(unitId)).getOrDefault(unitId, List.of()).stream()
                .map(DutyView::of).toList();
    }

    @Description("What its unit committed to in signed co-construction agreements (batched; organisation module). "
            + "协议职责")
    @Name("agreedDuties")
    public List<List<DutyView>> dutiesOfUnits(@Source List<TaskView> of) {
        Map<Long, List<Commitment>> duties = neighbours.commitmentsOf(of.stream().map(TaskView::unitId)
                .filter(Objects::nonNull).distinct().toList());
        return of.stream().map(t -> t.unitId() == null ? List.<DutyView>of()
                : duties.getOrDefault(t.unitId(), List.of()).stream().map(DutyView::of).toList()).toList();
    }

    @Description("Its history: assignment, progress, overdue, escalation (batched). 历程")
    public List<List<TimelineView>> history(@Source List<TaskView> of) {
        return timeline.of(SubjectKind.TASK, of.stream().map(TaskView::id).toList()).stream()
                .map(l -> l.stream().map(TimelineView::of).toList()).toList();
    }
}
