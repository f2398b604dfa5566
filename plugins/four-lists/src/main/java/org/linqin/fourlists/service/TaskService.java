package org.linqin.fourlists.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linqin.core.audit.AuditLog;
import org.linqin.core.graphql.ConflictException;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.InputValidator;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.graphql.Pagination;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.EnabledModules;
import org.linqin.core.module.ModuleService;
import org.linqin.core.module.ModuleSettings;
import org.linqin.core.people.model.Person;
import org.linqin.core.people.service.OwnRecord;
import org.linqin.core.persistence.Lookup;
import org.linqin.core.security.Caller;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.fourlists.FourListsModule;
import org.linqin.fourlists.model.Meeting;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.MeetingState;
import org.linqin.fourlists.model.Party;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.model.WishTask;
import org.linqin.fourlists.service.FourListsInputs.NewTask;
import org.linqin.fourlists.service.FourListsInputs.TaskUpdate;

/**
 * The task list (任务清单): an accepted wish split at a tripartite joint meeting into tasks by each party's duty,
 * progress reported by the party, and escalation of what goes overdue — marked by a job, and where the grid module is
 * on, raised into a level-3 whistle incident summoning the party.
 */
@ApplicationScoped
public class TaskService {

    /** Refusal reasons, as {@code extensions.reason}. */
    public static final String NOT_TRIPARTITE = "NOT_TRIPARTITE";
    public static final String NOT_ACCEPTED = "NOT_ACCEPTED";
    public static final String TASK_CLOSED = "TASK_CLOSED";
    public static final String NOT_OVERDUE = "NOT_OVERDUE";
    public static final String ESCALATED = "ESCALATED";
    public static final String WHISTLE_CATEGORY = "WHISTLE_CATEGORY";

    static final int MAX_TASKS = 20;
    static final String SYSTEM = "system (four-lists task overdue)";

    public record Filter(TaskState state, Long wishId, Party party, Boolean overdue) {
    }

    @Inject
    CommunityContext context;

    @Inject
    InputValidator inputs;

    @Inject
    OwnRecord ownRecord;

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    Lookup lookup;

    @Inject
    Pagination pagination;

    @Inject
    ModuleService modules;

    @Inject
    EnabledModules enabled;

    @Inject
    FourListsAccess access;

    @Inject
    FourListsNeighbours neighbours;

    @Inject
    WishService wishes;

    @Inject
    EvaluationService evaluations;

    @Inject
    Timeline timeline;

    @Inject
    CommunityDirectory directory;

    private ZoneId zone() {
        return directory.timeZone(context.require());
    }

    /** Splits an accepted wish into tasks at a tripartite joint meeting (planned or held, not cancelled). */
    @Transactional
    public List<WishTask> split(Long wishId, Long meetingId, List<NewTask> tasks) {
        access.requireStaff(Msg.of("fourlists.need.wishesSplitIntoTasks"));
        Person me = ownRecord.require(Msg.of("fourlists.need.wishesSplitIntoTasks"));
        if (tasks == null || tasks.isEmpty() || tasks.size() > MAX_TASKS || FourListsInputs.holdsNull(tasks)) {
            throw ValidationFailedException.of("tasks", Msg.of("fourlists.task.namesTasks", MAX_TASKS));
        }
        for (int i = 0; i < tasks.size(); i++) {
            inputs.validate("tasks[" + i + "]", tasks.get(i));
        }
        Wish wish = wishes.visible(wishId);
        em.refresh(wish, LockModeType.PESSIMISTIC_WRITE);
        if (wish.state != WishState.ACCEPTED && wish.state != WishState.IN_PROGRESS) {
            throw new ConflictException(Msg.of("fourlists.task.onlyAcceptedWishesSplit", wish.state))
                    .withReason(NOT_ACCEPTED);
        }
        Meeting meeting = lookup.require(Meeting.class, meetingId, Msg.of("fourlists.thing.deliberationMeeting"));
        em.refresh(meeting, LockModeType.PESSIMISTIC_READ); // a cancellation waits, or is seen
        if (meeting.kind != MeetingKind.TRIPARTITE || meeting.state == MeetingState.CANCELLED) {
            throw new ConflictException(Msg.of("fourlists.task.tasksSplitTripartiteJoint"))
                    .withReason(NOT_TRIPARTITE);
        }
        LocalDate today = LocalDate.now(zone());
        List<WishTask> created = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            NewTask input = tasks.get(i);
            String field = "tasks[" + i + "]";
            if (input.dueOn().isBefore(today)) {
                throw ValidationFailedException.of(field + ".dueOn", Msg.of("fourlists.task.todayLater"));
            }
            WishTask task = new WishTask();
            if (input.unitId() != null) {
                task.unitId = input.unitId();
                task.unitName = neighbours.requireUnit(input.unitId()).name();
            } else if (input.unitName() != null && !input.unitName().isBlank()) {
                task.unitName = input.unitName().trim();
            } else {
                throw ValidationFailedException.of(field + ".unitId",
                        Msg.of("fourlists.task.giveUnitOrganisationModule"));
            }
            task.wishId = wish.id;
            task.meetingId = meeting.id;
            task.title = input.title().trim();
            task.detail = input.detail();
            task.party = input.party();
            task.dueOn = input.dueOn();
            task.state = TaskState.OPEN;
            task.createdByPersonId = me.id;
            task.createdAt = OffsetDateTime.now();
            task.persist();
            timeline.add(SubjectKind.TASK, task.id, caller.actor(), task.state, 0,
                    "assigned to " + task.unitName + ", due " + task.dueOn);
            created.add(task);
        }
        if (wish.state == WishState.ACCEPTED) {
            wish.state = WishState.IN_PROGRESS;
        }
        timeline.add(SubjectKind.WISH, wish.id, caller.actor(), wish.state, null,
                "split into " + created.size() + " tasks at meeting " + meeting.id);
        audit.record(context.require(), "four-lists.wish-split", "wish", wish.id, Map.of("tasks", created.size()));
        return created;
    }

    /** The party reports progress: IN_PROGRESS, DONE (progress 100); staff may also cancel a task. */
    @Transactional
    public WishTask update(Long id, TaskUpdate input) {
        inputs.validate("input", input);
        WishTask task = lookup.require(WishTask.class, id, Msg.of("fourlists.thing.task"));
        if (input.state() == TaskState.CANCELLED) {
            access.requireStaff(Msg.of("fourlists.need.tasksCancelled"));
        } else {
            access.requireParty(task.party, Msg.of("fourlists.need.tasksUpdated"));
        }
        em.refresh(task, LockModeType.PESSIMISTIC_WRITE);
        if (!task.isOpen()) {
            throw new ConflictException(Msg.of("fourlists.task.task", task.state)).withReason(TASK_CLOSED);
        }
        TaskState next = input.state() == null ? task.state : input.state();
        if (next == TaskState.OPEN && task.state == TaskState.IN_PROGRESS) {
            throw ValidationFailedException.of("input.state", Msg.of("fourlists.task.doesNotGoBack"));
        }
        task.state = next;
        if (input.progress() != null) {
            task.progress = input.progress();
        }
        if (next == TaskState.IN_PROGRESS && task.progress == 0 && input.progress() == null) {
            task.progress = 10;
        }
        if (next == TaskState.DONE) {
            task.progress = 100;
            task.doneAt = OffsetDateTime.now();
        }
        timeline.add(SubjectKind.TASK, task.id, caller.actor(), task.state, task.progress, input.note().trim());
        if (!task.isOpen()) {
            evaluations.openWhenDone(task.wishId, caller.actor());
        }
        return task;
    }

    /** Staff escalate an overdue task into a level-3 whistle incident now (grid module). */
    @Transactional
    public WishTask escalate(Long id) {
        access.requireStaff(Msg.of("fourlists.need.tasksEscalated"));
        enabled.require(context.require(), FourListsNeighbours.GRID);
        WishTask task = lookup.require(WishTask.class, id, Msg.of("fourlists.thing.task"));
        em.refresh(task, LockModeType.PESSIMISTIC_WRITE);
        if (!task.isOpen() || !task.dueOn.isBefore(LocalDate.now(zone()))) {
            throw new ConflictException(Msg.of("fourlists.task.onlyOpenTasksPast")).withReason(NOT_OVERDUE);
        }
        if (task.incidentId != null) {
            throw new ConflictException(Msg.of("fourlists.task.taskWasEscalatedAlready", task.incidentId))
                    .withReason(ESCALATED);
        }
        String category = modules.settings(FourListsModule.ID).string(FourListsModule.WHISTLE_CATEGORY);
        if (!neighbours.takesIncidents(category)) {
            throw new ConflictException(
                    Msg.of("fourlists.task.settingNotOneGrid", FourListsModule.WHISTLE_CATEGORY, category))
                    .withReason(WHISTLE_CATEGORY);
        }
        raiseWhistle(task, caller.actor());
        return task;
    }

    /**
     * Marks open tasks past their due date overdue and, where the grid module is on and the setting says so, raises
     * those long enough overdue into whistle incidents. Rows are taken with SKIP LOCKED, so replicas share the work.
     */
    public int escalateDue() {
        LocalDate today = LocalDate.now(zone());
        ModuleSettings settings = modules.settings(FourListsModule.ID);
        int whistleAfter = (int) settings.integer(FourListsModule.WHISTLE_AFTER_DAYS);
        // a category the grid does not take would fail every run: then tasks are only marked overdue
        boolean whistles = whistleAfter > 0
                && neighbours.takesIncidents(settings.string(FourListsModule.WHISTLE_CATEGORY));
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("select id from fl_tasks where community_code = ?1 and state in"
                + " ('OPEN', 'IN_PROGRESS') and due_on < ?2 and (overdue_since is null or (?3 and incident_id is null"
                + " and due_on <= ?4)) order by id limit 200 for update skip locked")
                .setParameter(1, context.require()).setParameter(2, today).setParameter(3, whistles)
                .setParameter(4, today.minusDays(whistleAfter)).getResultList();
        for (Number id : due) {
            WishTask task = em.find(WishTask.class, id.longValue());
            if (task.overdueSince == null) {
                task.overdueSince = OffsetDateTime.now();
                timeline.add(SubjectKind.TASK, task.id, SYSTEM, task.state, task.progress,
                        "overdue: due " + task.dueOn);
            }
            if (whistles && task.incidentId == null && !task.dueOn.isAfter(today.minusDays(whistleAfter))) {
                raiseWhistle(task, SYSTEM);
            }
        }
        return due.size();
    }

    private void raiseWhistle(WishTask task, String actor) {
        Wish wish = em.find(Wish.class, task.wishId);
        String category = modules.settings(FourListsModule.ID).string(FourListsModule.WHISTLE_CATEGORY);
        Long building = wish.scopeKind == ScopeKind.BUILDING ? wish.scopeId : null;
        // the incident is read by people who may not read a private wish: then it names the task only
        String about = wish.isPublic ? task.title + " — 愿望 (wish) " + wish.title : "task " + task.id;
        String description = "四单任务逾期 (four-lists task overdue): " + about + ", due " + task.dueOn + ", "
                + task.progress + "%";
        task.incidentId = neighbours.raiseWhistle(category, description.length() > 4000
                ? description.substring(0, 4000) : description, building, task.createdByPersonId, actor,
                task.unitName, LocalDate.now(zone()).plusDays(3));
        if (task.overdueSince == null) {
            task.overdueSince = OffsetDateTime.now();
        }
        timeline.add(SubjectKind.TASK, task.id, actor, task.state, task.progress,
                "escalated into level-3 incident " + task.incidentId + " summoning " + task.unitName);
        audit.record(context.require(), "four-lists.task-escalated", "task", task.id,
                Map.of("incident", task.incidentId));
    }

    public Connection<WishTask> list(Filter filter, PageRequest page) {
        context.require();
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.state() != null) {
            where.add("e.state = :state");
            params.put("state", filter.state());
        }
        if (filter.wishId() != null) {
            where.add("e.wishId = :wish");
            params.put("wish", filter.wishId());
        }
        if (filter.party() != null) {
            where.add("e.party = :party");
            params.put("party", filter.party());
        }
        if (filter.overdue() != null) {
            where.add(filter.overdue() ? "e.overdueSince is not null and e.state in :open"
                    : "(e.overdueSince is null or e.state not in :open)");
            params.put("open", List.of(TaskState.OPEN, TaskState.IN_PROGRESS));
        }
        if (!access.reads()) {
            // members see the tasks of the wishes they may see, and a party's role the party's tasks
            List<Party> mine = access.myParties();
            where.add("(" + (mine.isEmpty() ? "" : "e.party in :mine or ") + "e.wishId in (select w.id from Wish w"
                    + " where " + access.wishVisibleTo("w") + "))");
            if (!mine.isEmpty()) {
                params.put("mine", mine);
            }
            params.put("me", ownRecord.find().map(p -> p.id).orElse(-1L));
        }
        return pagination.page(WishTask.class, where.isEmpty() ? null : String.join(" and ", where), params, page,
                t -> t);
    }
}
