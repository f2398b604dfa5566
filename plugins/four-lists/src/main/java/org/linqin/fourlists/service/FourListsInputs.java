package org.linqin.fourlists.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.linqin.fourlists.model.Invitee;
import org.linqin.fourlists.model.MeetingKind;
import org.linqin.fourlists.model.Need;
import org.linqin.fourlists.model.Party;
import org.linqin.fourlists.model.ScopeKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.model.WishSource;

/** Inputs of the four-lists operations, with their rules. */
public final class FourListsInputs {

    private FourListsInputs() {
    }

    /** Whether a list given by a client holds null (GraphQL lets a client send [null]). */
    static boolean holdsNull(Collection<?> values) {
        return values != null && values.stream().anyMatch(Objects::isNull);
    }

    @Name("WishInput")
    @Description("A wish (opinion or suggestion) for the wish list. 愿望")
    public record NewWish(
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("What is wished and why. 内容") @NotBlank @Size(max = 4000) String body,
            @Description("Photo URLs (http or https), at most 9. 照片") @Size(max = 9) List<String> photoUrls,
            @Description("Whom it concerns. 范围") @NotNull ScopeKind scopeKind,
            @Description("The building, grid or compound; none for COMMUNITY. 范围对象") @Id Long scopeId,
            @Description("Where it came from (default RESIDENT). 来源") WishSource source,
            @Description("The volunteer team (GRID_TEAM) or household visit (HOUSEHOLD_VISIT). 来源对象") @Id Long sourceRef,
            @Description("Seen by every member (default true); else by its author and the staff. 公开") Boolean isPublic) {
    }

    @Name("WishAnswerDecision")
    @Description("The staff's answer to a wish. 答复")
    public enum Decision {
        @Description("Accepted for the task list. 采纳")
        ACCEPT,
        @Description("Merged into another wish (mergeIntoId). 合并")
        MERGE,
        @Description("Declined, with the reason. 不采纳")
        DECLINE
    }

    @Name("WishAnswerInput")
    @Description("The staff's answer to a submitted wish. 答复愿望")
    public record Answer(
            @Description("The decision. 决定") @NotNull Decision decision,
            @Description("Answer shown to the author and the residents; required to decline. 答复意见") @Size(max = 2000) String text,
            @Description("The wish it is merged into (MERGE). 合并到") @Id Long mergeIntoId) {
    }

    @Name("DeliberationMeetingInput")
    @Description("A deliberation meeting to schedule. 议事会议")
    public record NewMeeting(
            @Description("Kind. 类型") @NotNull MeetingKind kind,
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("The building of a BUILDING meeting. 楼栋") @Id Long buildingId,
            @Description("Start. 开始") @NotNull OffsetDateTime startsAt,
            @Description("End, after the start, within 12 hours. 结束") @NotNull OffsetDateTime endsAt,
            @Description("A room, booked with facility-booking in the same transaction (CONFLICT ROOM_TAKEN). 会议室") @Id Long roomId,
            @Description("Or a named place of the community, held for the time (CONFLICT PLACE_TAKEN). 场所") @Id Long placeId,
            @Description("Or just a name, e.g. 6栋架空层. 地点") @Size(max = 200) String venueName,
            @Description("Places for registration, 1 to 2000 (default: the room's capacity, or 100). 名额") @Min(1) @Max(2000) Integer capacity,
            @Description("Who is invited; none: every member. 参会对象") @Size(max = 30) List<Invitee> invitees) {
    }

    @Name("DeliberationAgendaItemInput")
    @Description("An agenda item, referring to what it deliberates on. 议程")
    public record NewAgendaItem(
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("A wish. 愿望") @Id Long wishId,
            @Description("A task. 任务") @Id Long taskId,
            @Description("A micro project. 项目") @Id Long projectId) {
    }

    @Name("DeliberationResolutionInput")
    @Description("A resolution of a meeting; vote counts all given when it was voted on, or none. 决议")
    public record NewResolution(
            @Description("The agenda item it resolves. 议程") @Id Long agendaItemId,
            @Description("Text. 决议内容") @NotBlank @Size(max = 2000) String text,
            @Description("Votes for. 赞成") @Min(0) @Max(100000) Integer votesFor,
            @Description("Votes against. 反对") @Min(0) @Max(100000) Integer votesAgainst,
            @Description("Abstentions. 弃权") @Min(0) @Max(100000) Integer abstentions,
            @Description("Adopted; when voted, defaults to more for than against. 通过") Boolean adopted) {
    }

    @Name("DeliberationClosingInput")
    @Description("The minutes and closing report of a held meeting. 会议纪要与总结")
    public record Closing(
            @Description("Minutes. 会议纪要") @NotBlank @Size(max = 20000) String minutes,
            @Description("Closing report. 总结") @Size(max = 4000) String summary,
            @Description("People who came without registering. 现场参加人数") @Min(0) @Max(100000) Integer walkIns) {
    }

    @Name("WishTaskInput")
    @Description("A task split from a wish, assigned by duty. 任务")
    public record NewTask(
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("Detail. 说明") @Size(max = 2000) String detail,
            @Description("The party whose duty it is. 责任方") @NotNull Party party,
            @Description("The organisation unit that carries it (organisation module). 责任单位") @Id Long unitId,
            @Description("Or its name, when not a unit. 责任单位名称") @Size(max = 200) String unitName,
            @Description("Due date. 期限") @NotNull LocalDate dueOn) {
    }

    @Name("WishTaskUpdateInput")
    @Description("Progress of a task. 任务进展")
    public record TaskUpdate(
            @Description("New state; OPEN back from IN_PROGRESS is refused. 状态") TaskState state,
            @Description("Progress, 0 to 100. 进度") @Min(0) @Max(100) Integer progress,
            @Description("What was done. 进展说明") @NotBlank @Size(max = 2000) String note) {
    }

    @Name("MicroProjectInput")
    @Description("A micro practical matter (微实事) proposed at a meeting. 微实事项目")
    public record NewProject(
            @Description("The meeting it is proposed at. 会议") @NotNull @Id Long meetingId,
            @Description("The wish it carries out. 愿望") @Id Long wishId,
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("Description. 说明") @Size(max = 4000) String description,
            @Description("What it needs, 1 to 10 needs. 需求") @NotNull @Size(min = 1, max = 10) List<Need> needs) {
    }

    @Name("MicroProjectClaimInput")
    @Description("A party's claim of part of one need. 认领")
    public record NewClaim(
            @Description("Which need, from 0. 需求序号") @Min(0) @Max(9) int needIndex,
            @Description("The claiming party. 认领方") @NotNull Party party,
            @Description("The organisation unit (organisation module). 单位") @Id Long unitId,
            @Description("Or its name. 名称") @Size(max = 200) String partyName,
            @Description("How much of the need, at least 1. 数量") @Min(1) @Max(10000000) int quantity,
            @Description("What it commits to. 承诺") @NotBlank @Size(max = 1000) String commitment) {
    }
}
