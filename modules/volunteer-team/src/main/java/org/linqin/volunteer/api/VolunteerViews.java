package org.linqin.volunteer.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.volunteer.model.Activity;
import org.linqin.volunteer.model.ActivityKind;
import org.linqin.volunteer.model.HoursEntry;
import org.linqin.volunteer.model.HoursKind;
import org.linqin.volunteer.model.HoursState;
import org.linqin.volunteer.model.MemberRole;
import org.linqin.volunteer.model.MembershipState;
import org.linqin.volunteer.model.PointsEntry;
import org.linqin.volunteer.model.Recruitment;
import org.linqin.volunteer.model.Reward;
import org.linqin.volunteer.model.Shift;
import org.linqin.volunteer.model.ShiftState;
import org.linqin.volunteer.model.Team;
import org.linqin.volunteer.model.TeamKind;
import org.linqin.volunteer.model.TeamMember;
import org.linqin.volunteer.service.ServiceRecords;
import org.linqin.volunteer.service.ShiftChanges;

/** GraphQL output types of the volunteer-team module. */
public final class VolunteerViews {

    private VolunteerViews() {
    }

    @Name("VolunteerTeam")
    @Description("A volunteer team (志愿服务队), e.g. 平安哨, with party members as its backbone.")
    public record TeamView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Name. 队名") String name,
            @NonNull @Description("What it does. 类型") TeamKind kind,
            @Description("Description. 简介") String description,
            @Id @Description("The grid it serves (grid module). 服务网格") Long gridId,
            @NonNull @Description("Ids of the buildings it serves. 服务楼栋") List<@NonNull String> buildingIds,
            @Id @Description("The organisation unit that leads it (organisation module). 牵头组织") Long leadingUnitId,
            @NonNull @Description("How people join. 招募方式") Recruitment recruitment,
            @Description("The join code; shown to the team's leaders and community admins only. 入队码") String joinCode) {

        static TeamView of(Team t, boolean leads) {
            return new TeamView(t.id, t.name, t.kind, t.description, t.gridId,
                    t.buildingIds.stream().map(String::valueOf).toList(), t.leadingUnitId, t.recruitment,
                    leads ? t.joinCode : null);
        }
    }

    @Name("VolunteerMember")
    @Description("A person's membership of a team (队员), from application to leaving.")
    public record MemberView(@Id @NonNull @Description("Id of the membership. 编号") Long id,
            @Id @NonNull @Description("The team. 服务队") Long teamId,
            @Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("Role in the team. 队内角色") MemberRole role,
            @NonNull @Description("State. 状态") MembershipState state,
            @NonNull @Description("Skills and certificates. 技能") List<@NonNull String> skills,
            @Description("When they can help. 可服务时间") String availability,
            @Description("Why they applied. 申请理由") String motivation,
            @Description("The leader's reason when declined. 处理意见") String decisionReason,
            @NonNull @Description("Applied or added. 申请时间") OffsetDateTime appliedAt,
            @Description("Joined. 入队时间") OffsetDateTime joinedAt) {

        static MemberView of(TeamMember m) {
            return new MemberView(m.id, m.teamId, m.personId, m.role, m.state, List.copyOf(m.skills), m.availability,
                    m.motivation, m.decisionReason, m.appliedAt, m.joinedAt);
        }
    }

    @Name("VolunteerActivity")
    @Description("Something a team does in shifts (志愿活动): a patrol round, school escort, event support, training.")
    public record ActivityView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The team. 服务队") Long teamId,
            @NonNull @Description("Title. 名称") String title,
            @NonNull @Description("Kind. 类型") ActivityKind kind,
            @Description("Description. 说明") String description) {

        static ActivityView of(Activity a) {
            return new ActivityView(a.id, a.teamId, a.title, a.kind, a.description);
        }
    }

    @Name("VolunteerShift")
    @Description("A dated shift of an activity (班次) with its positions.")
    public record ShiftView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The activity. 活动") Long activityId,
            @Id @NonNull @Description("The team. 服务队") Long teamId,
            @NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt,
            @Description("Named place. 地点") String placeName,
            @Id @Description("Building. 楼栋") Long buildingId,
            @Id @Description("Grid (grid module). 网格") Long gridId,
            @NonNull @Description("Skills a member must hold. 要求") List<@NonNull String> requirements,
            @Description("Members sign up themselves (else leaders assign). 自主报名") boolean selfSignUp,
            @NonNull @Description("State. 状态") ShiftState state,
            @Description("Shared by the shifts of one recurring request. 重复系列") String seriesId) {

        static ShiftView of(Shift s) {
            return new ShiftView(s.id, s.activityId, s.teamId, s.startsAt, s.endsAt, s.placeName, s.buildingId,
                    s.gridId, List.copyOf(s.requirements), s.selfSignUp, s.state, s.seriesId);
        }
    }

    @Name("VolunteerShiftPosition")
    @Description("A position of a shift and its places (岗位).")
    public record PositionView(@NonNull @Description("Name. 岗位名") String name,
            @Description("People needed. 需要人数") int needed,
            @Description("Places taken. 已报名") int taken,
            @Description("Places still free. 剩余名额") int free,
            @Description("Whether a waiting list is kept. 候补") boolean waitingList) {
    }

    @Name("VolunteerSignUp")
    @Description("A person's place on a shift (报名), with attendance.")
    public record SignUpView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("State. 状态") SignUpState state,
            @NonNull @Description("Signed up. 报名时间") OffsetDateTime signedUpAt,
            @Description("Cancelled. 取消时间") OffsetDateTime cancelledAt,
            @Description("Cancelled after the cut-off. 迟取消") boolean lateCancellation,
            @Description("Checked in. 签到") OffsetDateTime checkedInAt,
            @Description("Checked out. 签退") OffsetDateTime checkedOutAt,
            @Id @NonNull @Description("The kernel sign-up list (one per position). 名额表") Long listId) {

        static SignUpView of(SignUp s) {
            return new SignUpView(s.id, s.personId, s.state, s.signedUpAt, s.cancelledAt, s.lateCancellation,
                    s.checkedInAt, s.checkedOutAt, s.listId);
        }
    }

    @Name("VolunteerCheckCode")
    @Description("A check-in code for the shift's leader to show (签到码); members enter it to check in or out.")
    public record CheckCodeView(@NonNull @Description("Six digits. 签到码") String code,
            @NonNull @Description("Valid until. 有效期至") OffsetDateTime expiresAt) {
    }

    @Name("VolunteerHoursEntry")
    @Description("A line of the hours ledger (服务时长). Never edited; corrections are new lines.")
    public record HoursView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The person. 人员") Long personId,
            @Id @NonNull @Description("The team. 服务队") Long teamId,
            @Id @Description("The shift, for verified hours. 班次") Long shiftId,
            @NonNull @Description("How it came. 类型") HoursKind kind,
            @NonNull @Description("Whether it counts. 审核状态") HoursState state,
            @Description("Minutes (negative for a correction down). 分钟") int minutes,
            @NonNull @Description("Day served, local date. 服务日期") LocalDate workedOn,
            @Description("Reason, for back-filled hours and corrections. 原因") String reason,
            @Id @Description("The entry a correction corrects. 更正对象") Long correctsId,
            @NonNull @Description("Who recorded it. 记录人") String recordedBy,
            @Description("Who approved or declined it. 审核人") String decidedBy,
            @Description("Why declined. 审核意见") String decisionReason,
            @NonNull @Description("Recorded. 记录时间") OffsetDateTime createdAt) {

        static HoursView of(HoursEntry e) {
            return new HoursView(e.id, e.personId, e.teamId, e.shiftId, e.kind, e.state, e.minutes, e.workedOn,
                    e.reason, e.correctsId, e.recordedBy, e.decidedBy, e.decisionReason, e.createdAt);
        }
    }

    @Name("VolunteerMonth")
    @Description("Approved hours of one month (月度时长).")
    public record MonthView(@NonNull @Description("Month, YYYY-MM. 月份") String month,
            @Description("Verified hours (信用时长). 信用时长") double verifiedHours,
            @Description("Back-filled hours (荣誉时长). 补录时长") double backfilledHours) {
    }

    @Name("VolunteerRecord")
    @Description("A person's volunteering at a glance (志愿档案): hours, star level, points.")
    public record RecordView(@Id @NonNull @Description("The person. 人员") Long personId,
            @Description("Cumulative verified hours. 累计信用时长") double verifiedHours,
            @Description("Cumulative approved back-filled hours. 累计荣誉时长") double backfilledHours,
            @Description("Star level 0 to 5 from verified hours (thresholds are a setting). 星级") int starLevel,
            @Description("Verified hours still needed for the next star level; null at the top. 距下一星级") Double hoursToNextLevel,
            @Description("Points balance. 积分余额") int pointsBalance) {
    }

    @Name("VolunteerRanked")
    @Description("A line of the leaderboard (排行榜); only people who opted in appear.")
    public record RankedView(@Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("Name. 姓名") String name,
            @Description("Verified hours. 信用时长") double verifiedHours) {
    }

    @Name("VolunteerReward")
    @Description("A reward of the points catalogue (积分兑换项目).")
    public record RewardView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Name. 名称") String name,
            @Description("Description. 说明") String description,
            @Description("Points it costs. 所需积分") int cost,
            @Description("How many are left. 库存") int stock) {

        static RewardView of(Reward r) {
            return new RewardView(r.id, r.name, r.description, r.cost, r.stock);
        }
    }

    @Name("VolunteerPointsEntry")
    @Description("A line of a points ledger (积分明细): earned for verified hours, spent on a reward.")
    public record PointsView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The person. 人员") Long personId,
            @Description("Points, negative when spent. 积分") int points,
            @NonNull @Description("Why. 事由") String reason,
            @Id @Description("The hours entry that earned them. 时长记录") Long hoursId,
            @Id @Description("The reward they bought. 兑换项目") Long rewardId,
            @NonNull @Description("When. 时间") OffsetDateTime createdAt) {

        static PointsView of(PointsEntry e) {
            return new PointsView(e.id, e.personId, e.points, e.reason, e.hoursId, e.rewardId, e.createdAt);
        }
    }

    @Name("VolunteerShiftChange")
    @Description("A change to a shift the subscriber cares about (班次变动).")
    public record ShiftChangeView(@NonNull @Description("What happened. 变动") ShiftChanges.Kind kind,
            @NonNull @Description("The shift as it is now. 班次") ShiftView shift) {
    }

    @Name("VolunteerServiceRecord")
    @Description("A person's service record for a period (志愿服务记录证明), after the 志愿服务记录与证明出具办法.")
    public record ServiceRecordView(@Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("Name. 姓名") String name,
            @NonNull @Description("The community. 社区") String communityName,
            @NonNull @Description("First day. 起") LocalDate from,
            @NonNull @Description("Day after the last. 止") LocalDate to,
            @NonNull @Description("Teams served in. 服务队伍") List<@NonNull String> teams,
            @NonNull @Description("Activities served. 服务项目") List<@NonNull String> activities,
            @NonNull @Description("Hours per month. 月度时长") List<@NonNull MonthView> months,
            @Description("Verified hours in the period (信用时长). 信用时长") double verifiedHours,
            @Description("Approved back-filled hours in the period (荣誉时长). 补录时长") double backfilledHours,
            @Description("Path of the printable page, when a link was issued. 打印链接") String printPath) {

        static ServiceRecordView of(ServiceRecords.Content c, String printPath) {
            return new ServiceRecordView(c.personId(), c.name(), c.communityName(), c.from(), c.to(), c.teams(),
                    c.activities(), c.months().stream().map(m -> new MonthView(m.month(), m.verifiedMinutes() / 60.0,
                            m.backfilledMinutes() / 60.0)).toList(), c.verifiedMinutes() / 60.0,
                    c.backfilledMinutes() / 60.0, printPath);
        }
    }

    @Name("VolunteerPersonHours")
    @Description("A person's approved hours in a period (个人时长).")
    public record PersonHoursView(@Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("Name. 姓名") String name,
            @Description("Verified hours. 信用时长") double verifiedHours,
            @Description("Approved back-filled hours. 补录时长") double backfilledHours) {
    }

    @Name("VolunteerTeamStatistics")
    @Description("A team's figures for shifts starting in a period (服务队统计).")
    public record TeamStatisticsView(@Id @NonNull @Description("The team. 服务队") Long teamId,
            @Description("Shifts (not cancelled). 班次数") int shifts,
            @Description("Places offered. 名额") int places,
            @Description("Places taken (confirmed or no-show). 已报名") int placesTaken,
            @Description("Places taken / places offered, 0 to 1. 满员率") double fillRate,
            @Description("No-shows. 缺席") int noShows,
            @Description("No-shows / places taken on settled shifts, 0 to 1. 缺席率") double noShowRate,
            @Description("People with approved hours for the team in the period. 活跃志愿者") int activeVolunteers,
            @Description("Active members now. 在队人数") int members,
            @Description("Verified hours for the team in the period. 信用时长") double verifiedHours) {
    }

    @Name("VolunteerFinding")
    @Description("A finding handed to the grid as an incident (巡查发现).")
    public record FindingView(@Id @NonNull @Description("The incident in the grid module. 事件") Long incidentId,
            @Id @NonNull @Description("The shift it was found on. 班次") Long shiftId) {
    }
}
