package org.linqin.fourlists.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.graphql.Connection;
import org.linqin.core.graphql.Ids;
import org.linqin.core.graphql.PageRequest;
import org.linqin.core.module.ModuleGuarded;
import org.linqin.core.signup.SignUp;
import org.linqin.fourlists.api.FourListsViews.AgendaItemView;
import org.linqin.fourlists.api.FourListsViews.MeetingView;
import org.linqin.fourlists.api.FourListsViews.RegistrationView;
import org.linqin.fourlists.api.FourListsViews.ResolutionView;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.MeetingState;
import org.linqin.fourlists.service.FourListsInputs.Closing;
import org.linqin.fourlists.service.FourListsInputs.NewAgendaItem;
import org.linqin.fourlists.service.FourListsInputs.NewMeeting;
import org.linqin.fourlists.service.FourListsInputs.NewResolution;
import org.linqin.fourlists.service.MeetingService;

import io.quarkus.security.Authenticated;

@GraphQLApi
@ModuleGuarded
public class MeetingApi {

    @Inject
    MeetingService meetings;

    @Mutation
    @Authenticated
    @Description("Schedules a deliberation meeting in a room (booked with facility-booking in the same transaction; "
            + "CONFLICT reason ROOM_TAKEN), a named place (held; PLACE_TAKEN) or a named venue, with its invitees. "
            + "Admins and committee members convene any kind; the owners' committee all but TRIPARTITE; a building "
            + "leader the BUILDING meeting of the building they live in. Audited. Plugin four-lists. 召集议事会议")
    public MeetingView scheduleDeliberationMeeting(@NonNull NewMeeting input) {
        return MeetingView.of(meetings.schedule(input));
    }

    @Mutation
    @Authenticated
    @Description("Cancels a planned meeting before it begins: registrations cancelled, room and place released; its "
            + "convener, admins and committee members (STARTED). Plugin four-lists. 取消会议")
    public MeetingView cancelDeliberationMeeting(@NonNull @Id @Description("The meeting. 会议") Long id,
            @NonNull @Description("Why, at most 500 characters. 原因") String reason) {
        return MeetingView.of(meetings.cancel(id, reason));
    }

    @Mutation
    @Authenticated
    @Description("Adds an agenda item, optionally about a wish, task or project; the meeting's runners; at most 30. "
            + "Plugin four-lists. 添加议程")
    public AgendaItemView addDeliberationAgendaItem(@NonNull @Id @Description("The meeting. 会议") Long meetingId,
            @NonNull NewAgendaItem input) {
        return AgendaItemView.of(meetings.addAgendaItem(meetingId, input));
    }

    @Mutation
    @Authenticated
    @Description("Registers the caller for a planned meeting (its invitees only: NOT_INVITED); a full meeting puts "
            + "them on the waiting list. Plugin four-lists. 会议报名")
    public RegistrationView registerForDeliberationMeeting(@NonNull @Id @Description("The meeting. 会议") Long meetingId) {
        return RegistrationView.of(meetingId, meetings.register(meetingId));
    }

    @Mutation
    @Authenticated
    @Description("Cancels the caller's registration before the meeting begins. Plugin four-lists. 取消报名")
    public RegistrationView cancelDeliberationRegistration(@NonNull @Id @Description("The meeting. 会议") Long meetingId) {
        return RegistrationView.of(meetingId, meetings.cancelRegistration(meetingId));
    }

    @Mutation
    @Authenticated
    @Description("Marks registered people present, from half an hour before the start; the meeting's runners. "
            + "Answers how many were newly marked. Plugin four-lists. 会议签到")
    public int recordDeliberationAttendance(@NonNull @Id @Description("The meeting. 会议") Long meetingId,
            @NonNull @Description("The people present (ids of registered people), 1 to 2000. 到会人员") List<String> personIds) {
        return meetings.recordAttendance(meetingId, Ids.parse("personIds", personIds));
    }

    @Mutation
    @Authenticated
    @Description("Records a resolution of a meeting that has begun, with vote counts when voted; the meeting's runners; "
            + "audited. Plugin four-lists. 记录决议")
    public ResolutionView recordDeliberationResolution(@NonNull @Id @Description("The meeting. 会议") Long meetingId,
            @NonNull NewResolution input) {
        return ResolutionView.of(meetings.resolve(meetingId, input));
    }

    @Mutation
    @Authenticated
    @Description("Closes a meeting that has begun with its minutes and closing report; registered people not marked "
            + "present become no-shows; the meeting's runners; audited. Plugin four-lists. 会议总结")
    public MeetingView closeDeliberationMeeting(@NonNull @Id @Description("The meeting. 会议") Long id,
            @NonNull Closing input) {
        return MeetingView.of(meetings.close(id, input));
    }

    @Query
    @Description("Deliberation meetings, by id, optionally by state, kind, or ending after a time. Plugin four-lists. "
            + "议事会议")
    public Connection<MeetingView> deliberationMeetings(@Description("State. 状态") MeetingState state,
            @Description("Kind. 类型") MeetingKind kind,
            @Description("Only those ending after this time. 起") OffsetDateTime from,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return meetings.list(new MeetingService.Filter(state, kind, from), PageRequest.of(first, after))
                .map(MeetingView::of);
    }

    @Query
    @Description("One meeting. Plugin four-lists. 议事会议")
    public MeetingView deliberationMeeting(@NonNull @Id @Description("The meeting. 会议") Long id) {
        return MeetingView.of(meetings.visible(id));
    }

    @Description("The agenda in order (batched). 议程")
    public List<List<AgendaItemView>> agenda(@Source List<MeetingView> of) {
        return meetings.agendas(of.stream().map(MeetingView::id).toList()).stream()
                .map(l -> l.stream().map(AgendaItemView::of).toList()).toList();
    }

    @Description("Resolutions (batched). 决议")
    public List<List<ResolutionView>> resolutions(@Source List<MeetingView> of) {
        return meetings.resolutions(of.stream().map(MeetingView::id).toList()).stream()
                .map(l -> l.stream().map(ResolutionView::of).toList()).toList();
    }

    @Description("Places taken by registrations (batched). 已报名")
    public List<Integer> registered(@Source List<MeetingView> of) {
        return meetings.registered(of.stream().map(MeetingView::id).toList());
    }

    @Description("The caller's registration, if any (batched). 我的报名")
    public List<RegistrationView> myRegistration(@Source List<MeetingView> of) {
        List<SignUp> mine = meetings.mine(of.stream().map(MeetingView::id).toList());
        return IntStream.range(0, of.size())
                .mapToObj(i -> RegistrationView.of(of.get(i).id(), mine.get(i))).toList();
    }
}
