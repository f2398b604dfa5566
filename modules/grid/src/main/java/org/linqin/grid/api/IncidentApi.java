package org.linqin.grid.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
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
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.security.Caller;
import org.linqin.core.security.Roles;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.grid.api.GridViews.CountView;
import org.linqin.grid.api.GridViews.EventView;
import org.linqin.grid.api.GridViews.IncidentView;
import org.linqin.grid.api.GridViews.MeetingView;
import org.linqin.grid.api.GridViews.StatisticsView;
import org.linqin.grid.api.GridViews.SummonsView;
import org.linqin.grid.model.Incident;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentState;
import org.linqin.grid.model.JointMeeting;
import org.linqin.grid.model.Settlement;
import org.linqin.grid.model.Summons;
import org.linqin.grid.service.IncidentChanges;
import org.linqin.grid.service.IncidentInputs.NewIncident;
import org.linqin.grid.service.IncidentInputs.NewMeeting;
import org.linqin.grid.service.IncidentInputs.NewWhistle;
import org.linqin.grid.service.IncidentService;
import org.linqin.grid.service.StatisticsService;
import org.linqin.grid.service.Viewer;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@GraphQLApi
@ModuleGuarded
public class IncidentApi {

    static final int MISSED_AT_MOST = 1000;

    @Inject
    IncidentService incidents;

    @Inject
    StatisticsService statistics;

    @Inject
    IncidentChanges changes;

    @Inject
    CommunityScope scope;

    @Inject
    CommunityContext context;

    @Inject
    Caller caller;

    @Query
    @Authenticated
    @Description("Incidents the caller may see (staff: all; part-time grid workers: their grids; partner staff: "
            + "routed to partners; everyone: their own reports). `changedSince` returns what changed after a time, "
            + "to catch up after a disconnect. Module grid. 事件列表")
    public Connection<IncidentView> incidents(@Description("Only in this state.") IncidentState state,
            @Description("Only of this category.") String category,
            @Description("Only at this level.") Integer level,
            @Id @Description("Only of this grid.") Long gridId,
            @Description("Only those changed at or after this time.") OffsetDateTime changedSince,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        Viewer viewer = incidents.viewer();
        return incidents.list(new IncidentService.Filter(state, category, level, gridId, changedSince),
                PageRequest.of(first, after)).map(i -> IncidentView.of(i, viewer.seesReporterOf(i)));
    }

    @Query
    @Authenticated
    @Description("An incident the caller may see. Module grid. 事件")
    public IncidentView incident(@NonNull @Id @Description("The incident.") Long id) {
        return view(incidents.visible(id));
    }

    @Description("The incident's timeline, oldest first (batched). Module grid. 事件进程")
    public List<List<EventView>> timeline(@Source List<IncidentView> views) {
        return incidents.timelines(views.stream().map(IncidentView::id).toList()).stream()
                .map(list -> list.stream().map(EventView::of).toList()).toList();
    }

    @Description("Joint meetings held on it (level 2). Module grid. 联席会议")
    public List<List<MeetingView>> jointMeetings(@Source List<IncidentView> views) {
        List<Long> ids = views.stream().map(IncidentView::id).toList();
        var byIncident = JointMeeting.<JointMeeting> list("incidentId in ?1 order by heldAt", ids).stream()
                .collect(Collectors.groupingBy(m -> m.incidentId));
        return ids.stream().map(id -> byIncident.getOrDefault(id, List.of()).stream().map(MeetingView::of).toList())
                .toList();
    }

    @Description("Departments summoned by the whistle (level 3). Module grid. 吹哨部门")
    public List<List<SummonsView>> summons(@Source List<IncidentView> views) {
        List<Long> ids = views.stream().map(IncidentView::id).toList();
        var byIncident = Summons.<Summons> list("incidentId in ?1 order by id", ids).stream()
                .collect(Collectors.groupingBy(s -> s.incidentId));
        return ids.stream().map(id -> byIncident.getOrDefault(id, List.of()).stream().map(SummonsView::of).toList())
                .toList();
    }

    @Query
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PROPERTY_STAFF })
    @Description("The outcome figures for incidents reported in [from, to): counts by category, level, state and "
            + "grid; median times to acknowledge and resolve; overdue; disputes settled in the building or the "
            + "community; mean rating. Two SQL statements whatever the number. Module grid. 成效统计")
    public StatisticsView incidentStatistics(@NonNull @Description("From.") OffsetDateTime from,
            @NonNull @Description("To.") OffsetDateTime to) {
        StatisticsService.Statistics s = statistics.of(from, to);
        return new StatisticsView(Math.toIntExact(s.total()),
                s.counts().stream().map(c -> new CountView(c.dimension(), c.value(), Math.toIntExact(c.incidents())))
                        .toList(),
                s.medianSecondsToAcknowledge() == null ? null : s.medianSecondsToAcknowledge() / 60,
                s.medianSecondsToResolve() == null ? null : s.medianSecondsToResolve() / 60,
                Math.toIntExact(s.overdue()), Math.toIntExact(s.disputesSettledInBuilding()),
                Math.toIntExact(s.disputesSettledInCommunity()), s.meanRating(), Math.toIntExact(s.ratings()));
    }

    @Subscription
    @Authenticated
    @Description("New and changed incidents of the addressed community, as they happen on any server replica, "
            + "each only to subscribers allowed to see it. After a reconnect, subscribe with `changedSince` (when the "
            + "connection was lost, minus a few seconds): the incidents changed since then come first, then the live "
            + "changes, with nothing missed in between. Module grid. 事件实时推送")
    public Multi<IncidentView> incidentChanges(@Description("Send first the incidents changed at or after this time "
            + "(within the last 24 hours; at most " + MISSED_AT_MOST + "). 补发起点")
            OffsetDateTime changedSince) {
        // Runs on an I/O thread: take the identity now, ask the database on a worker thread. Changes are heard from
        // this moment, before the database is asked anything, so what changed since `changedSince` is read after
        // the live changes are already being heard: nothing falls in between.
        String community = context.addressed().orElseThrow(() -> new IllegalStateException("no community addressed"));
        if (changedSince != null && changedSince.isBefore(OffsetDateTime.now().minusHours(24))) {
            throw ValidationFailedException.of("changedSince", Msg.of("grid.incident.changedSinceTooOld"));
        }
        String subject = caller.subject();
        Set<String> roles = Set.copyOf(caller.roles());
        Uni<Viewer> viewer = Uni.createFrom()
                .item(() -> scope.call(community, () -> incidents.viewerOf(subject, roles))).memoize().indefinitely();
        Multi<IncidentView> live = changes.stream().filter(change -> change.communityCode().equals(community))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToUniAndConcatenate(change -> viewer.map(seer -> scope.call(community,
                        () -> Optional.ofNullable(Incident.<Incident> findById(change.incidentId())).filter(seer::sees)
                                .map(i -> IncidentView.of(i, seer.seesReporterOf(i))))))
                .filter(Optional::isPresent).map(Optional::get);
        if (changedSince == null) {
            return live;
        }
        Multi<IncidentView> missed = viewer.onItem().transformToMulti(seer -> Multi.createFrom().iterable(
                scope.call(community, () -> incidents.changedSince(seer, changedSince, MISSED_AT_MOST).stream()
                        .map(i -> IncidentView.of(i, seer.seesReporterOf(i))).toList())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        return Multi.createBy().merging().streams(live, missed);
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.OWNERS_COMMITTEE, Roles.BUILDING_LEADER, Roles.PARTY_MEMBER, Roles.VOLUNTEER,
            Roles.TEAM_LEADER, Roles.PARTNER_STAFF, Roles.RESIDENT })
    @Description("Reports an incident; it is routed by category (module setting `routing`) and every party allowed "
            + "to see it learns of it at once. Audited. Module grid. 上报事件")
    public IncidentView reportIncident(@NonNull NewIncident input) {
        return view(incidents.report(input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("The responsible party takes the incident up (level 1: handle on the spot). CONFLICT naming the "
            + "current state when not REPORTED. Module grid. 受理")
    public IncidentView acknowledgeIncident(@NonNull @Id @Description("The incident.") Long id,
            @Description("Note.") String note) {
        return view(incidents.act(id, IncidentAction.ACKNOWLEDGED, note, null));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("Handling starts. Module grid. 开始处置")
    public IncidentView startIncident(@NonNull @Id @Description("The incident.") Long id,
            @Description("Note.") String note) {
        return view(incidents.act(id, IncidentAction.STARTED, note, null));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("Escalates to the next level: 2 for assessment at a joint meeting, 3 for the whistle. Module grid. 升级")
    public IncidentView escalateIncident(@NonNull @Id @Description("The incident.") Long id,
            @NonNull @Description("Why.") String note) {
        return view(incidents.act(id, IncidentAction.ESCALATED, note, null));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER })
    @Description("Records the joint meeting on a level-2 incident. The committee; audited. Module grid. 联席会议")
    public IncidentView recordJointMeeting(@NonNull @Id @Description("The incident.") Long id,
            @NonNull NewMeeting input) {
        return view(incidents.recordJointMeeting(id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER })
    @Description("Blows the whistle on a level-3 incident: departments are summoned, each with a due date. The "
            + "committee; audited. Module grid. 吹哨")
    public IncidentView blowWhistle(@NonNull @Id @Description("The incident.") Long id, @NonNull NewWhistle input) {
        return view(incidents.blowWhistle(id, input));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("Records a summoned department's response. Module grid. 部门响应")
    public IncidentView respondToSummons(@NonNull @Id @Description("The summons.") Long summonsId,
            @NonNull @Description("The response.") String response) {
        return view(incidents.respond(summonsId, response));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("Resolves the incident; a neighbour dispute records where it was settled. Module grid. 办结")
    public IncidentView resolveIncident(@NonNull @Id @Description("The incident.") Long id,
            @NonNull @Description("What was done.") String note,
            @Description("For a neighbour dispute: BUILDING or COMMUNITY.") Settlement settledAt) {
        return view(incidents.act(id, IncidentAction.RESOLVED, note, settledAt));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER })
    @Description("Closes a resolved incident. Module grid. 关闭")
    public IncidentView closeIncident(@NonNull @Id @Description("The incident.") Long id,
            @Description("Note.") String note) {
        return view(incidents.act(id, IncidentAction.CLOSED, note, null));
    }

    @Mutation
    @RolesAllowed({ Roles.COMMUNITY_ADMIN, Roles.COMMITTEE_MEMBER, Roles.GRID_WORKER, Roles.PART_TIME_GRID_WORKER,
            Roles.PROPERTY_STAFF, Roles.PARTNER_STAFF })
    @Description("Reopens a resolved or closed incident. Module grid. 重新处置")
    public IncidentView reopenIncident(@NonNull @Id @Description("The incident.") Long id,
            @NonNull @Description("Why.") String note) {
        return view(incidents.act(id, IncidentAction.REOPENED, note, null));
    }

    @Mutation
    @Authenticated
    @Description("The reporter rates the resolution, 1 to 5. Module grid. 评价")
    public IncidentView rateIncident(@NonNull @Id @Description("The incident.") Long id,
            @Description("1 to 5.") int rating, @Description("Comment.") String comment) {
        return view(incidents.rate(id, rating, comment));
    }

    private IncidentView view(Incident incident) {
        return IncidentView.of(incident, incidents.viewer().seesReporterOf(incident));
    }
}
