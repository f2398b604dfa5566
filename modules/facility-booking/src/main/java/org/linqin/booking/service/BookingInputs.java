package org.linqin.booking.service;

import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.booking.model.BookedFor;
import org.linqin.booking.model.RoomKind;
import org.linqin.booking.model.Weekday;

/** Inputs of the facility-booking operations, with their rules. */
public final class BookingInputs {

    private BookingInputs() {
    }

    @Name("OpeningHoursInput")
    @Description("One opening window of a weekday, local time. 开放时段")
    public record OpeningWindow(
            @Description("Weekday. 星期") @NotNull Weekday dayOfWeek,
            @Description("Opens at, e.g. `08:30`. 开放") @NotNull LocalTime opensAt,
            @Description("Closes at, e.g. `21:30`. 关闭") @NotNull LocalTime closesAt) {
    }

    @Name("RoomRulesInput")
    @Description("Booking rules the room sets itself; a field left null follows the community's default. 场地规则")
    public record RoomRules(
            @Description("Shortest booking, minutes. 最短时长") @Min(5) @Max(1440) Integer minMinutes,
            @Description("Longest booking, minutes. 最长时长") @Min(5) @Max(1440) Integer maxMinutes,
            @Description("Slot granularity, minutes. 时间粒度") @Min(5) @Max(240) Integer slotMinutes,
            @Description("Days ahead one may book. 可提前天数") @Min(1) @Max(3650) Integer aheadDays,
            @Description("Least notice, minutes. 最短提前量") @Min(0) @Max(10080) Integer noticeMinutes,
            @Description("Cancellation cut-off, minutes. 取消截止") @Min(0) @Max(10080) Integer cancelCutoffMinutes,
            @Description("Bookings need approval. 需要审批") Boolean approvalRequired,
            @Description("Weekly quota per person, minutes. 每周限额") @Min(0) @Max(10080) Integer weeklyQuotaMinutes,
            @Description("Buffer after each booking, minutes. 间隔") @Min(0) @Max(240) Integer bufferMinutes,
            @Description("Roles that may book. 可预约角色") List<String> bookingRoles) {
    }

    @Name("RoomInput")
    @Description("A bookable room. 场地")
    public record RoomData(
            @Description("The place it is in, e.g. the service centre. 所在场所") @Id @NotNull Long placeId,
            @Description("Name, unique in the community. 名称") @NotBlank @Size(max = 200) String name,
            @Description("Kind. 类型") @NotNull RoomKind kind,
            @Description("Capacity in people. 容纳人数") @Min(1) @Max(10000) int capacity,
            @Description("Facilities, e.g. projector, mirrors. 设施") @Size(max = 50) List<String> facilities,
            @Description("Photo URLs. 照片") @Size(max = 20) List<String> photoUrls,
            @Description("Opening windows per weekday. 开放时间") @NotNull @Size(max = 50) List<@Valid OpeningWindow> openingHours,
            @Description("Rules of its own; null fields follow the community. 场地规则") @Valid RoomRules rules,
            @Description("On update: the version you read. 版本") Integer expectedVersion) {
    }

    @Name("BookingInput")
    @Description("A booking of a room, in the community's time zone or with an explicit offset. 预约")
    public record NewBooking(
            @Description("The room. 场地") @Id @NotNull Long roomId,
            @Description("Start. 开始") @NotNull OffsetDateTime startsAt,
            @Description("End. 结束") @NotNull OffsetDateTime endsAt,
            @Description("What for. 用途") @NotBlank @Size(max = 500) String purpose,
            @Description("Expected attendance, at most the capacity. 预计人数") int attendance,
            @Description("Who it is for; default PERSON. 预约主体") BookedFor bookedFor,
            @Description("Name of the team, course or unit it is for. 主体名称") @Size(max = 200) String forName,
            @Description("The volunteer team it is for (volunteer-team module): sets bookedFor TEAM and forName to the "
                    + "team's name. 志愿服务队") @Id Long teamId) {
    }

    @Description("What to do when some occurrences of a series conflict. 冲突处理")
    public enum OnConflict {
        @Description("Book nothing; the answer lists the conflicts. 全部或不")
        ALL_OR_NOTHING,
        @Description("Book every occurrence that is free; the answer lists the skipped ones. 跳过冲突")
        SKIP_CONFLICTS
    }

    @Name("BookingSeriesInput")
    @Description("A weekly series: the first occurrence, repeated every week. 周期预约")
    public record NewSeries(
            @Description("The first occurrence. 首次预约") @NotNull @Valid NewBooking first,
            @Description("How many weeks, 1 to 52. 周数") @Min(1) @Max(52) int weeks,
            @Description("What to do with conflicts. 冲突处理") @NotNull OnConflict onConflict) {
    }
}
