package org.linqin.fourlists.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpState;
import org.linqin.fourlists.model.AgendaItem;
import org.linqin.fourlists.model.Claim;
import org.linqin.fourlists.model.Evaluation;
import org.linqin.fourlists.model.Invitee;
import org.linqin.fourlists.model.Meeting;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.MeetingState;
import org.linqin.fourlists.model.MicroProject;
import org.linqin.fourlists.model.Need;
import org.linqin.fourlists.model.NeedKind;
import org.linqin.fourlists.model.Party;
import org.linqin.fourlists.model.ProjectState;
import org.linqin.fourlists.model.Resolution;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.model.TimelineEntry;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishSource;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.model.WishTask;
import org.linqin.fourlists.service.DashboardService;
import org.linqin.organisation.spi.OrganisationDirectory.Commitment;

/** What the four-lists plugin shows, as GraphQL types. */
public final class FourListsViews {

    private FourListsViews() {
    }

    @Name("Wish")
    @Description("A wish of the wish list (愿景清单). The result of its evaluation is published once the window closes. "
            + "愿望")
    public record WishView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Title. 标题") String title,
            @NonNull @Description("What is wished and why. 内容") String body,
            @NonNull @Description("Photo URLs. 照片") List<@NonNull String> photoUrls,
            @NonNull @Description("Whom it concerns. 范围") ScopeKind scopeKind,
            @Id @Description("The building, grid or compound. 范围对象") Long scopeId,
            @NonNull @Description("The scope's name. 范围名称") String scopeName,
            @NonNull @Description("Where it came from. 来源") WishSource source,
            @Id @Description("The volunteer team or household visit it came from. 来源对象") Long sourceRef,
            @Name("isPublic") @NonNull @Description("Seen by every member; else by its author and the staff. 公开") Boolean isPublic,
            @NonNull @Description("Whether the caller submitted it. 我提出的") Boolean mine,
            @NonNull @Description("State. 状态") WishState state,
            @NonNull @Description("Residents of its scope who support it. 支持人数") Integer supports,
            @Description("The staff's answer. 答复") String answer,
            @Id @Description("The wish it was merged into. 合并到") Long mergedIntoId,
            @Description("Answered. 答复时间") OffsetDateTime answeredAt,
            @Description("Evaluation opens. 评估开始") OffsetDateTime evaluationOpensAt,
            @Description("Evaluation closes. 评估截止") OffsetDateTime evaluationClosesAt,
            @NonNull @Description("Ratings given so far. 评价人数") Integer ratings,
            @Description("Average rating, 1 to 5, published when the evaluation closed. 平均评分") BigDecimal ratingAverage,
            @NonNull @Description("Submitted. 提出时间") OffsetDateTime createdAt,
            @Description("Reached its end (declined, merged, evaluated). 办结时间") OffsetDateTime closedAt) {

        static WishView of(Wish w, Long me) {
            boolean published = w.state == WishState.ACHIEVED || w.state == WishState.NOT_ACHIEVED;
            return new WishView(w.id, w.title, w.body, List.copyOf(w.photoUrls), w.scopeKind, w.scopeId, w.scopeName,
                    w.source, w.sourceRef, w.isPublic, w.authorPersonId.equals(me), w.state, w.supports, w.answer,
                    w.mergedIntoId, w.answeredAt, w.evaluationOpensAt, w.evaluationClosesAt, w.ratings,
                    published ? w.ratingAverage : null, w.createdAt, w.closedAt);
        }
    }

    @Name("WishSubmission")
    @Description("A submitted wish and the open wishes that look like it, to support instead or to merge. 提交结果")
    public record SubmissionView(@NonNull @Description("The wish. 愿望") WishView wish,
            @NonNull @Description("Open wishes that look like it, most alike first (at most five). 相似愿望") List<@NonNull WishView> similar) {
    }

    @Name("FourListsTimelineEntry")
    @Description("A step in the history of a wish, task or project. 历程")
    public record TimelineView(@NonNull @Description("When. 时间") OffsetDateTime at,
            @NonNull @Description("Who. 操作人") String actor,
            @NonNull @Description("State after the step. 状态") String state,
            @Description("Progress after the step, 0 to 100. 进度") Integer progress,
            @Description("Note. 说明") String note) {

        static TimelineView of(TimelineEntry e) {
            return new TimelineView(e.at, e.actor, e.state, e.progress, e.note);
        }
    }

    @Name("WishEvaluation")
    @Description("A resident's rating of whether a wish was achieved. 效果评价")
    public record EvaluationView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The wish. 愿望") Long wishId,
            @NonNull @Description("Rating, 1 to 5. 评分") Integer rating,
            @Description("Comment. 评语") String comment,
            @NonNull @Description("Given. 时间") OffsetDateTime createdAt) {

        static EvaluationView of(Evaluation e) {
            return new EvaluationView(e.id, e.wishId, e.rating, e.comment, e.createdAt);
        }
    }

    @Name("DeliberationMeeting")
    @Description("A deliberation meeting (议事会议) with its invitees, and once held its minutes and closing report. "
            + "议事会议")
    public record MeetingView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Kind. 类型") MeetingKind kind,
            @NonNull @Description("Title. 标题") String title,
            @Id @Description("The building of a building meeting. 楼栋") Long buildingId,
            @NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt,
            @Id @Description("The room booked for it (facility-booking). 会议室") Long roomId,
            @Id @Description("The room's booking. 预约") Long roomBookingId,
            @Id @Description("The named place held for it. 场所") Long placeId,
            @NonNull @Description("Where. 地点") String venueName,
            @NonNull @Description("Who is invited; empty: every member. 参会对象") List<@NonNull Invitee> invitees,
            @NonNull @Description("State. 状态") MeetingState state,
            @Description("Why it was cancelled. 取消原因") String cancelReason,
            @Description("Minutes. 会议纪要") String minutes,
            @Description("Closing report. 总结") String summary,
            @Description("Registered people marked present. 到会人数") Integer attended,
            @Description("People who came unregistered. 现场参加") Integer walkIns,
            @Description("Closed. 结束时间") OffsetDateTime closedAt) {

        static MeetingView of(Meeting m) {
            return new MeetingView(m.id, m.kind, m.title, m.buildingId, m.startsAt, m.endsAt, m.roomId,
                    m.roomBookingId, m.placeId, m.venueName, List.copyOf(m.invitees), m.state, m.cancelReason,
                    m.minutes, m.summary, m.attended, m.walkIns, m.closedAt);
        }
    }

    @Name("DeliberationAgendaItem")
    @Description("An agenda item, in order, and what it deliberates on. 议程")
    public record AgendaItemView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Position, from 1. 序号") Integer position,
            @NonNull @Description("Title. 标题") String title,
            @Id @Description("A wish. 愿望") Long wishId,
            @Id @Description("A task. 任务") Long taskId,
            @Id @Description("A micro project. 项目") Long projectId) {

        static AgendaItemView of(AgendaItem a) {
            return new AgendaItemView(a.id, a.position, a.title, a.wishId, a.taskId, a.projectId);
        }
    }

    @Name("DeliberationResolution")
    @Description("A resolution, with its vote counts when voted on. 决议")
    public record ResolutionView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @Description("The agenda item. 议程") Long agendaItemId,
            @NonNull @Description("Text. 决议内容") String text,
            @Description("Votes for. 赞成") Integer votesFor,
            @Description("Votes against. 反对") Integer votesAgainst,
            @Description("Abstentions. 弃权") Integer abstentions,
            @NonNull @Description("Adopted. 通过") Boolean adopted,
            @NonNull @Description("Recorded. 记录时间") OffsetDateTime recordedAt) {

        static ResolutionView of(Resolution r) {
            return new ResolutionView(r.id, r.agendaItemId, r.text, r.votesFor, r.votesAgainst, r.abstentions,
                    r.adopted, r.recordedAt);
        }
    }

    @Name("DeliberationRegistration")
    @Description("The caller's registration for a meeting. 会议报名")
    public record RegistrationView(@Id @NonNull @Description("The meeting. 会议") Long meetingId,
            @NonNull @Description("Where it stands. 状态") SignUpState state,
            @NonNull @Description("Registered. 报名时间") OffsetDateTime signedUpAt,
            @Description("Marked present. 签到时间") OffsetDateTime checkedInAt) {

        static RegistrationView of(Long meetingId, SignUp s) {
            return s == null ? null : new RegistrationView(meetingId, s.state, s.signedUpAt, s.checkedInAt);
        }
    }

    @Name("WishTask")
    @Description("A task of the task list (任务清单), assigned by duty. 任务")
    public record TaskView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The wish. 愿望") Long wishId,
            @Id @NonNull @Description("The tripartite meeting it was split at. 会议") Long meetingId,
            @NonNull @Description("Title. 标题") String title,
            @Description("Detail. 说明") String detail,
            @NonNull @Description("The party whose duty it is. 责任方") Party party,
            @Id @Description("The organisation unit. 责任单位") Long unitId,
            @NonNull @Description("The unit's name. 责任单位名称") String unitName,
            @NonNull @Description("Due date. 期限") LocalDate dueOn,
            @NonNull @Description("State. 状态") TaskState state,
            @NonNull @Description("Progress, 0 to 100. 进度") Integer progress,
            @Description("Marked overdue. 逾期时间") OffsetDateTime overdueSince,
            @Id @Description("The level-3 incident it was escalated into (grid module). 吹哨事件") Long incidentId,
            @NonNull @Description("Created. 创建时间") OffsetDateTime createdAt,
            @Description("Done. 完成时间") OffsetDateTime doneAt) {

        static TaskView of(WishTask t) {
            return new TaskView(t.id, t.wishId, t.meetingId, t.title, t.detail, t.party, t.unitId, t.unitName,
                    t.dueOn, t.state, t.progress, t.overdueSince, t.incidentId, t.createdAt, t.doneAt);
        }
    }

    @Name("AgreedDuty")
    @Description("What a unit committed to in a signed co-construction agreement (共建协议). 协议职责")
    public record DutyView(@Id @NonNull @Description("The unit. 单位") Long unitId,
            @Id @NonNull @Description("The agreement. 协议") Long agreementId,
            @NonNull @Description("The agreement's title. 协议名称") String agreementTitle,
            @NonNull @Description("The unit's commitments. 承诺事项") String commitments) {

        static DutyView of(Commitment c) {
            return new DutyView(c.unitId(), c.agreementId(), c.agreementTitle(), c.commitments());
        }
    }

    @Name("MicroProject")
    @Description("A micro practical matter (微实事) of the project claim list (项目认领清单). 微实事项目")
    public record ProjectView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The meeting it was proposed at. 会议") Long meetingId,
            @Id @Description("The wish it carries out. 愿望") Long wishId,
            @NonNull @Description("Title. 标题") String title,
            @Description("Description. 说明") String description,
            @NonNull @Description("What it needs. 需求") List<@NonNull Need> needs,
            @NonNull @Description("State. 状态") ProjectState state,
            @NonNull @Description("Progress, 0 to 100. 进度") Integer progress,
            @NonNull @Description("Proposed. 提出时间") OffsetDateTime createdAt,
            @Description("Started (needs covered). 启动时间") OffsetDateTime startedAt,
            @Description("Completed. 完成时间") OffsetDateTime completedAt) {

        static ProjectView of(MicroProject p) {
            return new ProjectView(p.id, p.meetingId, p.wishId, p.title, p.description, List.copyOf(p.needs), p.state,
                    p.progress, p.createdAt, p.startedAt, p.completedAt);
        }
    }

    @Name("MicroProjectCoverage")
    @Description("How much of one need is claimed. 认领进度")
    public record CoverageView(@NonNull @Description("Which need, from 0. 序号") Integer needIndex,
            @NonNull @Description("Kind. 类型") NeedKind kind,
            @NonNull @Description("Needed. 需要") Integer quantity,
            @NonNull @Description("Claimed. 已认领") Long claimed) {
    }

    @Name("MicroProjectClaim")
    @Description("A party's claim of part of a need, with its commitment. 认领")
    public record ClaimView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Which need, from 0. 需求序号") Integer needIndex,
            @NonNull @Description("The party. 认领方") Party party,
            @Id @Description("The organisation unit. 单位") Long unitId,
            @NonNull @Description("The party's name. 名称") String partyName,
            @NonNull @Description("How much. 数量") Integer quantity,
            @NonNull @Description("What it commits to. 承诺") String commitment,
            @NonNull @Description("Claimed. 认领时间") OffsetDateTime claimedAt) {

        static ClaimView of(Claim c) {
            return new ClaimView(c.id, c.needIndex, c.party, c.unitId, c.partyName, c.quantity, c.commitment,
                    c.claimedAt);
        }
    }

    @Name("FourListsCount")
    @Description("A count for one value (a state, scope kind or party). 计数")
    public record CountView(@NonNull @Description("The value. 值") String key,
            @NonNull @Description("How many. 数量") Long count) {

        static List<CountView> of(List<DashboardService.Count> counts) {
            return counts.stream().map(c -> new CountView(c.key(), c.count())).toList();
        }
    }

    @Name("FourListsDashboard")
    @Description("The four lists at a glance, for the community or a grid. 四单看板")
    public record DashboardView(@NonNull @Description("Wishes by state. 按状态") List<@NonNull CountView> wishesByState,
            @NonNull @Description("Wishes by scope kind. 按范围") List<@NonNull CountView> wishesByScope,
            @Description("Median days from wish to achieved. 实现用时中位数（天）") Double medianDaysToAchieved,
            @NonNull @Description("Open overdue tasks by party. 逾期任务（按责任方）") List<@NonNull CountView> overdueTasksByParty,
            @NonNull @Description("Claims by party. 认领（按认领方）") List<@NonNull CountView> claimsByParty,
            @Description("Average evaluation rating. 平均评分") Double evaluationAverage,
            @NonNull @Description("Evaluations given. 评价数") Long evaluations) {

        static DashboardView of(DashboardService.Dashboard d) {
            return new DashboardView(CountView.of(d.wishesByState()), CountView.of(d.wishesByScope()),
                    d.medianDaysToAchieved(), CountView.of(d.overdueTasksByParty()), CountView.of(d.claimsByParty()),
                    d.evaluationAverage(), d.evaluations());
        }
    }

    @Name("CandidateWish")
    @Description("An incident category that keeps coming back in a grid: a wish to raise before anyone complains "
            + "(未诉先办). 候选愿望")
    public record CandidateView(@Id @NonNull @Description("The grid. 网格") Long gridId,
            @NonNull @Description("The grid's name. 网格名称") String gridName,
            @NonNull @Description("Incident category. 事件类别") String category,
            @NonNull @Description("Incidents in the period. 事件数") Long incidents,
            @NonNull @Description("Months with incidents. 出现月数") Integer months) {

        static CandidateView of(DashboardService.Candidate c) {
            return new CandidateView(c.gridId(), c.gridName(), c.category(), c.incidents(), c.months());
        }
    }
}
