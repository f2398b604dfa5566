package org.linqin.volunteer.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.volunteer.model.ActivityKind;
import org.linqin.volunteer.model.Recruitment;
import org.linqin.volunteer.model.TeamKind;

/** Inputs of the volunteer-team operations, with their rules. */
public final class VolunteerInputs {

    /** A skill or requirement: short words, e.g. {@code first-aid}. */
    static final String SKILL = "[\\p{L}\\p{N}][\\p{L}\\p{N} _-]{0,39}";

    private VolunteerInputs() {
    }

    /** Whether a list given by a client holds null (GraphQL lets a client send [null]). */
    static boolean holdsNull(java.util.Collection<?> values) {
        return values != null && values.stream().anyMatch(java.util.Objects::isNull);
    }

    @Name("VolunteerTeamInput")
    @Description("A volunteer team. 志愿服务队")
    public record NewTeam(
            @Description("Name, unique in the community, e.g. 满天星. 队名") @NotBlank @Size(max = 100) String name,
            @Description("What it does. 类型") @NotNull TeamKind kind,
            @Description("Description. 简介") @Size(max = 2000) String description,
            @Description("The grid it serves (grid module). 服务网格") @Id Long gridId,
            @Description("Buildings it serves. 服务楼栋") @Size(max = 200) List<String> buildingIds,
            @Description("The organisation unit that leads it, e.g. a party branch (organisation module). 牵头组织") @Id Long leadingUnitId,
            @Description("How people join. 招募方式") @NotNull Recruitment recruitment,
            @Description("Give the team a join code residents can use (default false). 生成入队码") Boolean withJoinCode) {
    }

    @Name("VolunteerApplicationInput")
    @Description("Joining a team: what the applicant brings. 入队申请")
    public record Application(
            @Description("Why they want to join. 申请理由") @Size(max = 500) String motivation,
            @Description("Skills and certificates, e.g. first-aid. 技能") @Size(max = 20)
            List<@Pattern(regexp = SKILL, message = "{volunteer.skill.format}") String> skills,
            @Description("When they can help, e.g. weekday mornings. 可服务时间") @Size(max = 500) String availability) {
    }

    @Name("VolunteerPositionInput")
    @Description("A position of a shift and how many it needs. 岗位")
    public record PositionNeed(
            @Description("Name, e.g. crossing guard; unique in the shift. 岗位名") @NotBlank @Size(max = 100) String name,
            @Description("People needed, 1 to 500. 人数") @Min(1) @Max(500) int needed) {
    }

    @Name("VolunteerRepeatInput")
    @Description("Repeat a shift on weekdays until a date, skipping closure dates such as school holidays. 重复")
    public record Repeat(
            @Description("ISO weekdays 1 (Monday) to 7 (Sunday). 星期") @NotNull @Size(min = 1, max = 7)
            List<@Min(1) @Max(7) Integer> weekdays,
            @Description("Last day, local date; at most 200 shifts in all. 截止日期") @NotNull LocalDate until,
            @Description("Dates without a shift, e.g. school holidays. 停止日期") @Size(max = 400) List<LocalDate> skipDates) {
    }

    @Name("VolunteerShiftInput")
    @Description("A shift of an activity, possibly repeated. 班次")
    public record NewShift(
            @Description("The activity. 活动") @Id @NotNull Long activityId,
            @Description("Start (the first occurrence's). 开始") @NotNull OffsetDateTime startsAt,
            @Description("End; at most 24 hours after the start. 结束") @NotNull OffsetDateTime endsAt,
            @Description("A named place, e.g. 邻亲广场 or the school gate. 地点") @Size(max = 200) String placeName,
            @Description("A building. 楼栋") @Id Long buildingId,
            @Description("A grid (grid module). 网格") @Id Long gridId,
            @Description("Positions and people needed. 岗位") @NotNull @Size(min = 1, max = 20) List<@Valid PositionNeed> positions,
            @Description("Skills a member must hold, e.g. first-aid. 要求") @Size(max = 10)
            List<@Pattern(regexp = SKILL, message = "{volunteer.skill.format}") String> requirements,
            @Description("Members sign up themselves (default); false: leaders assign. 自主报名") Boolean selfSignUp,
            @Description("Keep a waiting list when full (default false). 候补") Boolean waitingList,
            @Description("Repeat weekly on some weekdays. 重复") @Valid Repeat repeat) {
    }

    @Name("VolunteerActivityInput")
    @Description("An activity of a team. 志愿活动")
    public record NewActivity(
            @Description("The team. 服务队") @Id @NotNull Long teamId,
            @Description("Title, e.g. 平安护学. 名称") @NotBlank @Size(max = 200) String title,
            @Description("Kind. 类型") @NotNull ActivityKind kind,
            @Description("Description. 说明") @Size(max = 2000) String description) {
    }

    @Name("VolunteerBackfillInput")
    @Description("Hours served without check-in, entered by a leader; counted once a community admin approves. 补录时长")
    public record Backfill(
            @Description("The team. 服务队") @Id @NotNull Long teamId,
            @Description("The member. 队员") @Id @NotNull Long personId,
            @Description("Day served, local date. 服务日期") @NotNull LocalDate workedOn,
            @Description("Minutes, 1 to 1440. 分钟") @Min(1) @Max(1440) int minutes,
            @Description("Why it was not checked in. 原因") @NotBlank @Size(max = 500) String reason) {
    }

    @Name("VolunteerRewardInput")
    @Description("A reward in the points catalogue. 兑换项目")
    public record NewReward(
            @Description("Name, unique in the community. 名称") @NotBlank @Size(max = 200) String name,
            @Description("Description. 说明") @Size(max = 1000) String description,
            @Description("Points it costs, 1 to 1000000. 所需积分") @Min(1) @Max(1_000_000) int cost,
            @Description("How many there are, 0 to 1000000. 库存") @Min(0) @Max(1_000_000) int stock) {
    }

    @Name("VolunteerFindingInput")
    @Description("Something found on a shift (e.g. on patrol) to hand to the grid as an incident. 巡查发现")
    public record Finding(
            @Description("Incident category, one of the grid module's `categories`. 类别") @NotBlank @Size(max = 40) String category,
            @Description("What was found. 描述") @NotBlank @Size(max = 3000) String description,
            @Description("Photo URLs. 照片") @Size(max = 10) List<String> photoUrls) {
    }
}
