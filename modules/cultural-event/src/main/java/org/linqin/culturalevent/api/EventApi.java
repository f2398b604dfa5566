package org.linqin.culturalevent.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.DefaultValue;
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
import org.linqin.culturalevent.api.EventViews.EventView;
import org.linqin.culturalevent.api.EventViews.FiguresView;
import org.linqin.culturalevent.api.EventViews.LinkView;
import org.linqin.culturalevent.api.EventViews.OrganiserView;
import org.linqin.culturalevent.api.EventViews.ReportView;
import org.linqin.culturalevent.api.EventViews.SeriesView;
import org.linqin.culturalevent.api.EventViews.SubEventView;
import org.linqin.culturalevent.api.EventViews.TicketKindView;
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.ClosingReport;
import org.linqin.culturalevent.model.EventCategory;
import org.linqin.culturalevent.model.EventSeries;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.service.EditionStatistics;
import org.linqin.culturalevent.service.EventInputs.Closing;
import org.linqin.culturalevent.service.EventInputs.Incident;
import org.linqin.culturalevent.service.EventInputs.NewEvent;
import org.linqin.culturalevent.service.EventInputs.NewSeries;
import org.linqin.culturalevent.service.EventInputs.Stewards;
import org.linqin.culturalevent.service.EventLinks;
import org.linqin.culturalevent.service.EventService;
import org.linqin.culturalevent.service.LiveFigures;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class EventApi {

    @Inject
    EventService events;

    @Inject
    EditionStatistics statistics;

    @Inject
    EventLinks links;

    @Inject
    LiveFigures live;

    @Query
    @PermitAll
    @Description("Published events with a sub-event in [from, to) (default: from now, a year), newest first by id, "
            + "optionally of a category or age group (events for all ages match every group). Callers from outside "
            + "the community, signed in or not, see PUBLIC events only. Module cultural-event. 近期活动")
    public Connection<EventView> upcomingCulturalEvents(@Description("Category. 类别") EventCategory category,
            @Description("Age group. 年龄段") AgeGroup ageGroup,
            @Description("From (default now). 起") OffsetDateTime from,
            @Description("To (default a year after from; at most two years). 止") OffsetDateTime to,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return events.upcoming(category, ageGroup, from, to, PageRequest.of(first, after)).map(EventView::of);
    }

    @Query
    @PermitAll
    @Description("One event: published PUBLIC events for anyone, MEMBERS events for members, drafts for organisers "
            + "(NOT_FOUND otherwise). Module cultural-event. 活动详情")
    public EventView culturalEvent(@NonNull @Id @Description("The event.") Long id) {
        return EventView.of(events.event(id));
    }

    @Query
    @PermitAll
    @Description("Series of the community, e.g. 邻亲邻里文化节. Module cultural-event. 系列活动")
    public Connection<SeriesView> culturalEventSeries(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return events.seriesPage(PageRequest.of(first, after)).map(SeriesView::of);
    }

    @Query
    @Authenticated
    @Description("Every event of the community in a state (all states when not given), drafts included; organisers "
            + "(admins, committee members, property staff). Module cultural-event. 活动管理")
    public Connection<EventView> managedCulturalEvents(@Description("State. 状态") EventState state,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return events.managed(state, PageRequest.of(first, after)).map(EventView::of);
    }

    @Query
    @Authenticated
    @Description("The editions of a series year by year: sub-events, tickets and people registered, people checked "
            + "in, teams, people by grid and by age group. Members. Module cultural-event. 历届对比")
    public List<FiguresView> culturalEventEditions(@NonNull @Id @Description("The series.") Long seriesId) {
        return statistics.editions(seriesId).stream().map(FiguresView::of).toList();
    }

    @Query
    @Authenticated
    @Description("Figures of one event. Members. Module cultural-event. 活动统计")
    public FiguresView culturalEventStatistics(@NonNull @Id @Description("The event.") Long eventId) {
        return FiguresView.of(statistics.of(eventId));
    }

    @Query
    @Authenticated
    @Description("The event's steward shifts (volunteer-team) and incidents (grid); organisers. Module cultural-event. "
            + "关联班次与事件")
    public List<LinkView> culturalEventLinks(@NonNull @Id @Description("The event.") Long eventId) {
        return links.links(eventId).stream().map(LinkView::of).toList();
    }

    @Mutation
    @Authenticated
    @Description("Creates a series; organisers. NAME_TAKEN when the name is used. Audited. Module cultural-event. "
            + "新建系列活动")
    public SeriesView createCulturalEventSeries(@NonNull NewSeries input) {
        return SeriesView.of(events.createSeries(input));
    }

    @Mutation
    @Authenticated
    @Description("Drafts an event with its sub-events and tickets; organisers. Rooms (facility-booking) and places are "
            + "taken on publishing. Audited. Module cultural-event. 新建活动")
    public EventView createCulturalEvent(@NonNull NewEvent input) {
        return EventView.of(events.create(input));
    }

    @Mutation
    @Authenticated
    @Description("Publishes a draft; organisers. Each sub-event's room is booked through facility-booking and each "
            + "place held, in the same transaction: a clash publishes nothing and answers CONFLICT with reason "
            + "ROOM_TAKEN or PLACE_TAKEN naming the venue. Residents are told on the notice board unless announce is "
            + "false (where the notice-board plugin is on). Audited. Module cultural-event. 发布活动")
    public EventView publishCulturalEvent(@NonNull @Id @Description("The event.") Long id,
            @DefaultValue("true") @Description("Post a notice (default true). 发布公告") Boolean announce) {
        return EventView.of(events.publish(id, !Boolean.FALSE.equals(announce)));
    }

    @Mutation
    @Authenticated
    @Description("Calls an event off; organisers. Every registration is cancelled (pending ones declined), rooms and "
            + "places are released. Audited. Module cultural-event. 取消活动")
    public EventView cancelCulturalEvent(@NonNull @Id @Description("The event.") Long id,
            @NonNull @Description("Why, 1 to 500 characters. 原因") String reason) {
        return EventView.of(events.cancel(id, reason));
    }

    @Mutation
    @Authenticated
    @Description("Closes an event after its last sub-event ended (VALIDATION_FAILED reason NOT_OVER before), with the "
            + "closing report; attendance is counted now. Organisers; audited. Module cultural-event. 活动总结")
    public ReportView closeCulturalEvent(@NonNull @Id @Description("The event.") Long id, @NonNull Closing input) {
        return ReportView.of(events.close(id, input));
    }

    @Mutation
    @Authenticated
    @Description("Schedules a steward shift of a volunteer team for a sub-event (volunteer-team module; "
            + "MODULE_DISABLED where it is off). Organisers, who also lead the team or are community admins; the "
            + "team's members then scan the event's tickets. Module cultural-event. 活动保障班次")
    public LinkView scheduleCulturalEventStewards(@NonNull Stewards input) {
        return LinkView.of(links.scheduleStewards(input));
    }

    @Mutation
    @Authenticated
    @Description("Reports an incident during a sub-event to the grid as the caller (grid module; MODULE_DISABLED "
            + "where it is off); the incident names the event and, at a square, the place. Module cultural-event. "
            + "活动中的事件上报")
    public LinkView reportCulturalEventIncident(@NonNull Incident input) {
        return LinkView.of(links.reportIncident(input));
    }

    @PermitAll
    @Description("Sub-events in start order (batched: one statement for any number of events). 子活动")
    public List<List<SubEventView>> subEvents(@Source List<EventView> of) {
        Map<Long, List<SubEventView>> byEvent = events.subEvents(of.stream().map(EventView::id).toList(), true)
                .stream().collect(Collectors.groupingBy(s -> s.eventId, Collectors.mapping(SubEventView::of,
                        Collectors.toList())));
        return of.stream().map(e -> byEvent.getOrDefault(e.id(), List.of())).toList();
    }

    @PermitAll
    @Description("Host, co-hosts and co-organisers (batched). 主办方")
    public List<List<OrganiserView>> organisers(@Source List<EventView> of) {
        Map<Long, List<OrganiserView>> byEvent = events.organisers(of.stream().map(EventView::id).toList()).stream()
                .collect(Collectors.groupingBy(o -> o.eventId, Collectors.mapping(OrganiserView::of,
                        Collectors.toList())));
        return of.stream().map(e -> byEvent.getOrDefault(e.id(), List.of())).toList();
    }

    @PermitAll
    @Description("The series it is an edition of (batched). 系列")
    public List<SeriesView> series(@Source List<EventView> of) {
        Map<Long, EventSeries> series = events.seriesOf(of.stream().map(EventView::seriesId).filter(Objects::nonNull)
                .distinct().toList());
        return of.stream().map(e -> e.seriesId() == null ? null : SeriesView.of(series.get(e.seriesId()))).toList();
    }

    @PermitAll
    @Description("The closing report, once closed (batched). 活动总结")
    public List<ReportView> closingReport(@Source List<EventView> of) {
        Map<Long, ClosingReport> reports = events.reports(of.stream().map(EventView::id).toList());
        return of.stream().map(e -> reports.containsKey(e.id()) ? ReportView.of(reports.get(e.id())) : null).toList();
    }

    @PermitAll
    @Description("Ticket kinds with quota, places left and waiting (batched: three statements for any number of "
            + "sub-events). 票种与余量")
    public List<List<TicketKindView>> ticketKinds(@Source List<SubEventView> of) {
        Map<Long, List<TicketKindView>> bySub = live.availability(of.stream().map(SubEventView::id).toList()).stream()
                .collect(Collectors.groupingBy(a -> a.ticketKind().subEventId, Collectors.mapping(TicketKindView::of,
                        Collectors.toList())));
        return of.stream().map(s -> bySub.getOrDefault(s.id(), List.of())).toList();
    }
}
