package org.linqin.culturalevent.api;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.culturalevent.api.EventViews.CheckInListView;
import org.linqin.culturalevent.api.EventViews.CountsView;
import org.linqin.culturalevent.api.EventViews.FeedbackView;
import org.linqin.culturalevent.api.EventViews.ScanView;
import org.linqin.culturalevent.service.AttendanceService;
import org.linqin.culturalevent.service.EventInputs.NewCheckInList;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class CheckInApi {

    @Inject
    AttendanceService attendance;

    @Mutation
    @Authenticated
    @Description("Adds a check-in list (a gate, or one per sub-event) allowing re-entry or not; organisers. Audited. "
            + "Module cultural-event. 新建签到清单")
    public CheckInListView createCulturalEventCheckInList(@NonNull NewCheckInList input) {
        return CheckInListView.of(attendance.createList(input));
    }

    @Query
    @Authenticated
    @Description("The event's check-in lists; organisers, helpers and stewards. Module cultural-event. 签到清单")
    public List<CheckInListView> culturalEventCheckInLists(@NonNull @Id @Description("The event.") Long eventId) {
        return attendance.lists(eventId).stream().map(CheckInListView::of).toList();
    }

    @Mutation
    @Authenticated
    @Description("Scans a ticket code at a check-in list; organisers, the event's helpers and members of its steward "
            + "teams. CONFLICT reasons: ALREADY_CHECKED_IN (a second scan where re-entry is not allowed, or two gates "
            + "at once), NOT_CONFIRMED (waiting, offered, cancelled), WRONG_LIST; NOT_FOUND for a code of no ticket "
            + "of the event. Module cultural-event. 验票签到")
    public ScanView checkInCulturalEventTicket(@NonNull @Id @Description("The check-in list.") Long listId,
            @NonNull @Description("The ticket code (case does not matter). 票码") String ticketCode) {
        return ScanView.of(attendance.scan(listId, ticketCode));
    }

    @Query
    @Authenticated
    @Description("Tickets and people expected and checked in, per check-in list; organisers, helpers and stewards. "
            + "Live: subscribe to `culturalEventLive`. Module cultural-event. 签到统计")
    public List<CountsView> culturalEventCheckInCounts(@NonNull @Id @Description("The event.") Long eventId) {
        return attendance.counts(eventId).stream().map(CountsView::of).toList();
    }

    @Mutation
    @Authenticated
    @Description("Gives feedback on an event whose ticket was scanned (CONFLICT reason NOT_ATTENDED otherwise), once "
            + "(ALREADY_GIVEN), until the `feedback-days` setting after it ends (TOO_LATE). Module cultural-event. "
            + "活动评价")
    public FeedbackView giveCulturalEventFeedback(@NonNull @Id @Description("The event.") Long eventId,
            @NonNull @Description("Rating 1 to 5. 评分") Integer rating,
            @Description("Comment, at most 1000 characters. 评语") String comment) {
        return FeedbackView.of(attendance.giveFeedback(eventId, rating, comment));
    }

    @Query
    @Authenticated
    @Description("Attendees' feedback on an event; organisers. Module cultural-event. 活动评价列表")
    public Connection<FeedbackView> culturalEventFeedback(@NonNull @Id @Description("The event.") Long eventId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return attendance.feedback(eventId, PageRequest.of(first, after)).map(FeedbackView::of);
    }
}
