package org.linqin.booking.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.booking.model.BookedFor;
import org.linqin.booking.model.Booking;
import org.linqin.booking.model.BookingState;
import org.linqin.booking.model.Room;
import org.linqin.booking.model.RoomKind;
import org.linqin.booking.model.Weekday;
import org.linqin.booking.service.BookingRules;

/** GraphQL output types of the facility-booking module. */
public final class BookingViews {

    private BookingViews() {
    }

    @Name("OpeningHours")
    @Description("An opening window of a weekday, local time. 开放时段")
    public record OpeningHoursView(@NonNull @Description("Weekday. 星期") Weekday dayOfWeek,
            @NonNull @Description("Opens. 开放") LocalTime opensAt,
            @NonNull @Description("Closes. 关闭") LocalTime closesAt) {
    }

    @Name("RoomClosure")
    @Description("Days a room is closed, inclusive. 闭馆")
    public record ClosureView(@NonNull @Description("First day. 起") LocalDate fromDate,
            @NonNull @Description("Last day. 止") LocalDate toDate,
            @NonNull @Description("Why, e.g. holiday or maintenance. 原因") String reason) {
    }

    @Name("BookingRules")
    @Description("The booking rules in force for a room (its own, else the community's). 预约规则")
    public record RulesView(@Description("Shortest booking, minutes. 最短时长") int minMinutes,
            @Description("Longest booking, minutes. 最长时长") int maxMinutes,
            @Description("Start and end fall on multiples of this, minutes. 时间粒度") int slotMinutes,
            @Description("Days ahead one may book. 可提前天数") int aheadDays,
            @Description("Least notice, minutes. 最短提前量") int noticeMinutes,
            @Description("Bookers cancel at least this long before the start, minutes. 取消截止") int cancelCutoffMinutes,
            @Description("Bookings wait for approval. 需要审批") boolean approvalRequired,
            @Description("Minutes per person per week (staff exempt). 每周限额") int weeklyQuotaMinutes,
            @Description("Free time after each booking, minutes. 间隔") int bufferMinutes,
            @NonNull @Description("Roles that may book. 可预约角色") List<@NonNull String> bookingRoles,
            @Description("No-show release after the start, minutes. 签到宽限") int checkInGraceMinutes) {

        static RulesView of(BookingRules r) {
            return new RulesView(r.minMinutes(), r.maxMinutes(), r.slotMinutes(), r.aheadDays(), r.noticeMinutes(),
                    r.cancelCutoffMinutes(), r.approvalRequired(), r.weeklyQuotaMinutes(), r.bufferMinutes(),
                    r.bookingRoles(), r.checkInGraceMinutes());
        }
    }

    @Name("Room")
    @Description("A bookable room (场地) of the community, e.g. the multi-function room of the service centre.")
    public record RoomView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The place it is in. 所在场所") Long placeId,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("Kind. 类型") RoomKind kind,
            @Description("Capacity in people. 容纳人数") int capacity,
            @NonNull @Description("Facilities. 设施") List<@NonNull String> facilities,
            @NonNull @Description("Photo URLs. 照片") List<@NonNull String> photoUrls,
            @NonNull @Description("Opening windows. 开放时间") List<@NonNull OpeningHoursView> openingHours,
            @NonNull @Description("Closures. 闭馆") List<@NonNull ClosureView> closures,
            @NonNull @Description("Rules in force. 预约规则") RulesView rules,
            @Description("Path of the public iCalendar feed of approved bookings; shown to booking staff only. 日历订阅") String calendarFeedPath,
            @Description("Version for optimistic locking. 版本") int version) {

        static RoomView of(Room r, BookingRules rules, boolean staff) {
            return new RoomView(r.id, r.placeId, r.name, r.kind, r.capacity, List.copyOf(r.facilities),
                    List.copyOf(r.photoUrls),
                    r.openingHours.stream().map(w -> new OpeningHoursView(Weekday.of(w.dayOfWeek), w.opensAt, w.closesAt)).toList(),
                    r.closures.stream().map(c -> new ClosureView(c.fromDate, c.toDate, c.reason)).toList(),
                    RulesView.of(rules), staff ? "/calendar/rooms/" + r.icsToken + ".ics" : null, r.version);
        }
    }

    @Name("Booking")
    @Description("A booking of a room (预约).")
    public record BookingView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The room. 场地") Long roomId,
            @Id @Description("The person who booked; shown to booking staff and the booker only. 预约人") Long bookerPersonId,
            @NonNull @Description("Who it is for. 预约主体") BookedFor bookedFor,
            @Description("Name of the team, course or unit. 主体名称") String forName,
            @Id @Description("The volunteer team it is for (volunteer-team module). 志愿服务队") Long teamId,
            @NonNull @Description("What for. 用途") String purpose,
            @Description("Expected attendance. 预计人数") int attendance,
            @NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt,
            @NonNull @Description("State. 状态") BookingState state,
            @Description("Reason given when rejected. 驳回理由") String decisionReason,
            @Description("Series it belongs to. 周期编号") String seriesId,
            @NonNull @Description("When it was made. 创建时间") OffsetDateTime createdAt,
            @Description("When the booker checked in. 签到时间") OffsetDateTime checkedInAt,
            @Description("Version for optimistic locking. 版本") int version) {

        static BookingView of(Booking b, boolean showBooker) {
            return new BookingView(b.id, b.roomId, showBooker ? b.bookerPersonId : null, b.bookedFor, b.forName,
                    b.teamId, b.purpose, b.attendance, b.startsAt, b.endsAt, b.state, b.decisionReason, b.seriesId, b.createdAt,
                    b.checkedInAt, b.version);
        }
    }

    @Name("TimeRange")
    @Description("A time range [startsAt, endsAt). 时间段")
    public record TimeRangeView(@NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt) {
    }

    @Name("SkippedOccurrence")
    @Description("An occurrence of a series that was not booked, and why. 未预约的场次")
    public record SkippedView(@NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt,
            @NonNull @Description("Why: the clashing slot or the broken rule. 原因") String reason) {
    }

    @Name("BookingSeriesResult")
    @Description("What a weekly series request did. 周期预约结果")
    public record SeriesView(@NonNull @Description("Id of the series. 周期编号") String seriesId,
            @NonNull @Description("Occurrences booked. 已预约") List<@NonNull BookingView> booked,
            @NonNull @Description("Occurrences not booked (with ALL_OR_NOTHING and any conflict: all of the conflicting ones, and nothing booked). 冲突场次") List<@NonNull SkippedView> conflicts) {
    }

    @Name("RoomUsage")
    @Description("Use of a room over a period. 场地使用情况")
    public record RoomUsageView(@Id @NonNull @Description("The room. 场地") Long roomId,
            @NonNull @Description("Name. 名称") String roomName,
            @NonNull @Description("Kind. 类型") RoomKind kind,
            @Description("Opening hours in the period. 开放小时") double hoursOpen,
            @Description("Hours booked (approved or checked in). 预约小时") double hoursBooked,
            @Description("hoursBooked / hoursOpen. 利用率") double utilisation,
            @Description("Bookings that held their slot (including no-shows). 预约数") int bookings,
            @Description("Bookings released as no-show. 未到场数") int noShows,
            @Description("noShows / bookings. 未到场率") double noShowRate) {
    }

    @Name("RoomKindUsage")
    @Description("Use of all rooms of a kind over a period: the demand figures (需求量). 场地类型使用情况")
    public record KindUsageView(@NonNull @Description("Kind. 类型") RoomKind kind,
            @Description("Opening hours. 开放小时") double hoursOpen,
            @Description("Hours booked. 预约小时") double hoursBooked,
            @Description("hoursBooked / hoursOpen. 利用率") double utilisation,
            @Description("Bookings. 预约数") int bookings,
            @Description("No-shows. 未到场数") int noShows,
            @Description("noShows / bookings. 未到场率") double noShowRate) {
    }

    @Name("BookingUsageReport")
    @Description("Usage per room and per kind of room over a period. 使用统计")
    public record UsageReportView(@NonNull @Description("From (inclusive). 起") LocalDate from,
            @NonNull @Description("To (exclusive). 止") LocalDate to,
            @NonNull @Description("Per room. 按场地") List<@NonNull RoomUsageView> rooms,
            @NonNull @Description("Per kind, by hours booked. 按类型") List<@NonNull KindUsageView> kinds) {
    }
}
