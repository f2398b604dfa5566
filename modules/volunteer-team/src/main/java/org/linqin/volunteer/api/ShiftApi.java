package org.linqin.volunteer.api;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import org.linqin.core.signup.SignUpList;
import org.linqin.core.security.Caller;
import org.linqin.core.signup.SignUps;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityScope;
import org.linqin.volunteer.api.VolunteerViews.ActivityView;
import org.linqin.volunteer.api.VolunteerViews.CheckCodeView;
import org.linqin.volunteer.api.VolunteerViews.FindingView;
import org.linqin.volunteer.api.VolunteerViews.PositionView;
import org.linqin.volunteer.api.VolunteerViews.ShiftChangeView;
import org.linqin.volunteer.api.VolunteerViews.ShiftView;
import org.linqin.volunteer.api.VolunteerViews.SignUpView;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.ShiftPosition;
import org.linqin.volunteer.service.ShiftChanges;
import org.linqin.volunteer.service.ShiftService;
import org.linqin.volunteer.service.VolunteerInputs.Finding;
import org.linqin.volunteer.service.VolunteerInputs.NewActivity;
import org.linqin.volunteer.service.VolunteerInputs.NewShift;

import io.quarkus.security.Authenticated;
import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

@GraphQLApi
@ModuleGuarded
public class ShiftApi {

    @Inject
    ShiftService shifts;

    @Inject
    SignUps signUps;

    @Inject
    ShiftChanges changes;

    @Inject
    CommunityContext context;

    @Inject
    CommunityScope scope;

    @Inject
    Caller caller;

    @Subscription
    @Authenticated
    @Description("Shift changes the caller cares about, as they happen on any server replica: new and cancelled "
            + "shifts of their teams, and their own sign-ups changed (assigned, moved up from the waiting list). After "
            + "a reconnect, catch up with `openVolunteerShifts` and `myVolunteerSignUps`. Module volunteer-team. 班次提醒")
    public Multi<ShiftChangeView> volunteerShiftChanges() {
        // Runs on an I/O thread: take the identity now, ask the database on a worker thread.
        String community = context.addressed().orElseThrow(() -> new IllegalStateException("no community addressed"));
        String subject = caller.subject();
        return changes.stream().filter(change -> change.communityCode().equals(community))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(change -> scope.call(community, () -> shifts.concerns(change, subject)
                        ? Optional.of(new ShiftChangeView(change.kind(), ShiftView.of(shifts.shift(change.shiftId()))))
                        : Optional.<ShiftChangeView> empty()))
                .filter(Optional::isPresent).map(Optional::get);
    }

    @Query
    @Authenticated
    @Description("Open shifts starting in [from, to) (at most 92 days), optionally of one team, building or grid. "
            + "Module volunteer-team. 可报名班次")
    public Connection<ShiftView> openVolunteerShifts(@NonNull @Description("From. 起") OffsetDateTime from,
            @NonNull @Description("To. 止") OffsetDateTime to,
            @Id @Description("Only this team's. 服务队") Long teamId,
            @Id @Description("Only at this building. 楼栋") Long buildingId,
            @Id @Description("Only in this grid. 网格") Long gridId,
            @Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return shifts.openShifts(from, to, teamId, buildingId, gridId, PageRequest.of(first, after)).map(ShiftView::of);
    }

    @Query
    @Authenticated
    @Description("One shift. Module volunteer-team. 班次详情")
    public ShiftView volunteerShift(@NonNull @Id @Description("The shift.") Long id) {
        return ShiftView.of(shifts.shift(id));
    }

    @Query
    @Authenticated
    @Description("The caller's sign-ups for shifts, all states. Module volunteer-team. 我的班次")
    public Connection<SignUpView> myVolunteerSignUps(@Description("Page size, 1 to 100 (default 20).") Integer first,
            @Description("Cursor after which the page starts.") String after) {
        return shifts.mySignUps(PageRequest.of(first, after)).map(SignUpView::of);
    }

    @Query
    @Authenticated
    @Description("Everyone signed up for a shift, all states, in sign-up order; the team's members and leaders. "
            + "Module volunteer-team. 班次名单")
    public List<SignUpView> volunteerShiftRoster(@NonNull @Id @Description("The shift.") Long shiftId) {
        return shifts.roster(shiftId).stream().map(SignUpView::of).toList();
    }

    @Description("The shift's positions with their places (batched: two statements for any number of shifts). 岗位")
    public List<List<PositionView>> positions(@Source List<ShiftView> of) {
        List<ShiftPosition> positions = shifts.positions(of.stream().map(ShiftView::id).toList());
        Map<Long, SignUpList> lists = signUps.lists(positions.stream().map(p -> p.listId).toList()).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Map<Long, List<PositionView>> byShift = positions.stream().collect(Collectors.groupingBy(p -> p.shiftId,
                Collectors.mapping(p -> {
                    SignUpList l = lists.get(p.listId);
                    return new PositionView(p.name, l.capacity, l.confirmed, l.free(), l.waitingList);
                }, Collectors.toList())));
        List<List<PositionView>> result = new ArrayList<>(of.size());
        of.forEach(s -> result.add(byShift.getOrDefault(s.id(), List.of())));
        return result;
    }

    @Description("The shift this sign-up is for (batched). 班次")
    public List<ShiftView> shift(@Source List<SignUpView> of) {
        Map<Long, Shift> byList = shifts.shiftsOfLists(of.stream().map(SignUpView::listId).distinct().toList());
        return of.stream().map(s -> byList.get(s.listId())).map(s -> s == null ? null : ShiftView.of(s)).toList();
    }

    @Mutation
    @Authenticated
    @Description("Plans an activity of a team. The team's leaders and community admins; audited. Module "
            + "volunteer-team. 新建活动")
    public ActivityView createVolunteerActivity(@NonNull NewActivity input) {
        return ActivityView.of(shifts.createActivity(input));
    }

    @Mutation
    @Authenticated
    @Description("Schedules a shift, or a weekly series skipping closure dates (at most 200). The team's leaders and "
            + "community admins; audited. Module volunteer-team. 排班")
    public List<ShiftView> scheduleVolunteerShifts(@NonNull NewShift input) {
        return shifts.schedule(input).stream().map(ShiftView::of).toList();
    }

    @Mutation
    @Authenticated
    @Description("Cancels a shift and its sign-ups. The team's leaders and community admins; audited. Module "
            + "volunteer-team. 取消班次")
    public ShiftView cancelVolunteerShift(@NonNull @Id @Description("The shift.") Long shiftId,
            @Description("Why, shown to those signed up.") String reason) {
        return ShiftView.of(shifts.cancelShift(shiftId, reason));
    }

    @Mutation
    @Authenticated
    @Description("Signs the caller up for a shift: a place, or the waiting list when full and the shift keeps one. "
            + "Refusals carry extensions.reason: CLOSED, TOO_LATE, NOT_MEMBER, REQUIREMENT_MISSING, OVERLAP, "
            + "OVER_DAILY_CAP, OVER_WEEKLY_CAP, FULL, ALREADY_SIGNED_UP. Audited. Module volunteer-team. 报名班次")
    public SignUpView signUpForVolunteerShift(@NonNull @Id @Description("The shift.") Long shiftId,
            @Description("The position; may be left out when the shift has one. 岗位") String position) {
        return SignUpView.of(shifts.signUp(shiftId, position));
    }

    @Mutation
    @Authenticated
    @Description("Assigns a member to a shift (the same rules but the time and self-sign-up ones). The team's leaders "
            + "and community admins; audited. Module volunteer-team. 指派班次")
    public SignUpView assignVolunteerShift(@NonNull @Id @Description("The shift.") Long shiftId,
            @NonNull @Id @Description("The member.") Long personId,
            @Description("The position; may be left out when the shift has one. 岗位") String position) {
        return SignUpView.of(shifts.assign(shiftId, personId, position));
    }

    @Mutation
    @Authenticated
    @Description("Withdraws the caller from a shift before it starts; after the cut-off it is recorded as a late "
            + "cancellation. The first person waiting moves up. Audited. Module volunteer-team. 取消报名")
    public SignUpView cancelVolunteerSignUp(@NonNull @Id @Description("The shift.") Long shiftId) {
        return SignUpView.of(shifts.cancelSignUp(shiftId));
    }

    @Mutation
    @Authenticated
    @Description("A fresh six-digit check-in code for the shift's leader to show, valid for the community's set "
            + "minutes (from 30 minutes before the start to the end). Module volunteer-team. 生成签到码")
    public CheckCodeView showVolunteerCheckCode(@NonNull @Id @Description("The shift.") Long shiftId) {
        Shift shift = shifts.newCheckCode(shiftId);
        return new CheckCodeView(shift.checkCode, shift.checkCodeExpiresAt);
    }

    @Mutation
    @Authenticated
    @Description("Checks the caller in with the code the leader shows (VALIDATION_FAILED with reason BAD_CODE when "
            + "wrong or expired). Module volunteer-team. 签到")
    public SignUpView checkInToVolunteerShift(@NonNull @Id @Description("The shift.") Long shiftId,
            @NonNull @Description("The six-digit code.") String code) {
        return SignUpView.of(shifts.checkWithCode(shiftId, code, false));
    }

    @Mutation
    @Authenticated
    @Description("Checks the caller out with the code the leader shows; the hours from check-in to check-out, within "
            + "the shift, are verified hours and earn points. Module volunteer-team. 签退")
    public SignUpView checkOutOfVolunteerShift(@NonNull @Id @Description("The shift.") Long shiftId,
            @NonNull @Description("The six-digit code.") String code) {
        return SignUpView.of(shifts.checkWithCode(shiftId, code, true));
    }

    @Mutation
    @Authenticated
    @Description("Hands something found on a shift (e.g. on patrol) to the grid as an incident, pre-filled with the "
            + "shift's building and place and reported by the caller; those on the shift and its leaders. "
            + "MODULE_DISABLED where the grid module is off. Module volunteer-team (uses grid). 巡查发现上报")
    public FindingView reportVolunteerFinding(@NonNull @Id @Description("The shift.") Long shiftId,
            @NonNull Finding input) {
        return new FindingView(shifts.reportFinding(shiftId, input), shiftId);
    }

    @Mutation
    @Authenticated
    @Description("A leader checks a member in (out: false) or out (out: true). The team's leaders and community "
            + "admins; audited. Module volunteer-team. 代签到")
    public SignUpView checkVolunteerMember(@NonNull @Id @Description("The shift.") Long shiftId,
            @NonNull @Id @Description("The member.") Long personId,
            @Description("Check out instead of in.") boolean out) {
        return SignUpView.of(shifts.checkMember(shiftId, personId, out));
    }
}
