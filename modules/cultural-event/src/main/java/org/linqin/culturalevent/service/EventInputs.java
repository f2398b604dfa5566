package org.linqin.culturalevent.service;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

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
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.EventCategory;
import org.linqin.culturalevent.model.ItemKind;
import org.linqin.culturalevent.model.OrganiserRole;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.Visibility;

/** Inputs of the cultural-event operations, with their rules. */
public final class EventInputs {

    static final String URL = "https?://\\S{1,990}";
    static final String URL_MESSAGE = "{event.url.format}";

    private EventInputs() {
    }

    /** Whether a list given by a client holds null (GraphQL lets a client send [null]). */
    static boolean holdsNull(Collection<?> values) {
        return values != null && values.stream().anyMatch(Objects::isNull);
    }

    @Name("EventSeriesInput")
    @Description("A recurring event, e.g. 邻亲邻里文化节. 系列活动")
    public record NewSeries(
            @Description("Name, unique in the community. 名称") @NotBlank @Size(max = 100) String name,
            @Description("Description. 简介") @Size(max = 2000) String description) {
    }

    @Name("EventOrganiserInput")
    @Description("An organisation taking part: an organisation unit (organisation module) or a name. 主办方")
    public record OrganiserInput(
            @Description("Host, co-host (联办) or co-organiser (协办). 角色") @NotNull OrganiserRole role,
            @Description("The organisation unit; its name is used (organisation module). 组织") @Id Long unitId,
            @Description("The name, when not a unit, e.g. 邻亲物业. 名称") @Size(max = 200) String name) {
    }

    @Name("EventTicketKindInput")
    @Description("A kind of ticket of a sub-event and its quota. 票种")
    public record NewTicketKind(
            @Description("Name, unique in the sub-event, e.g. 亲子 or 普通. 名称") @NotBlank @Size(max = 100) String name,
            @Description("Age group it is for (default ALL_AGES). 年龄段") AgeGroup ageGroup,
            @Description("Places (people), 1 to 100000. 名额") @Min(1) @Max(100000) int quota,
            @Description("Largest party on one ticket, 1 to 20 (default 1). 每单人数上限") @Min(1) @Max(20) Integer maxPartySize) {
    }

    @Name("SubEventInput")
    @Description("A dated part of an event with its venue and tickets. 子活动")
    public record NewSubEvent(
            @Description("Title, e.g. 开幕式 or 睦邻运动会. 名称") @NotBlank @Size(max = 200) String title,
            @Description("Start. 开始") @NotNull OffsetDateTime startsAt,
            @Description("End; at most 7 days after the start. 结束") @NotNull OffsetDateTime endsAt,
            @Description("Registration opens (default: on publishing). 报名开始") OffsetDateTime registrationOpensAt,
            @Description("Registration closes (default: at the start). 报名截止") OffsetDateTime registrationClosesAt,
            @Description("A room, booked when the event is published (facility-booking module). 场地") @Id Long roomId,
            @Description("A named place such as a square, held when the event is published. 公共场所") @Id Long placeId,
            @Description("The venue's name when neither room nor place, e.g. 小区花园. 地点") @Size(max = 200) String venueName,
            @Description("Tickets and quotas, 1 to 10; the sub-event's capacity is their sum. 票种")
            @NotNull @Size(min = 1, max = 10) List<@Valid NewTicketKind> ticketKinds) {
    }

    @Name("CulturalEventInput")
    @Description("A new event, created as a DRAFT. 新建活动")
    public record NewEvent(
            @Description("The series it is an edition of. 系列") @Id Long seriesId,
            @Description("Edition year, with a series; one edition per series and year. 届次年份") @Min(2000) @Max(2200) Integer editionYear,
            @Description("Title. 标题") @NotBlank @Size(max = 200) String title,
            @Description("Description. 介绍") @Size(max = 5000) String description,
            @Description("Category. 类别") @NotNull EventCategory category,
            @Description("Age groups it is meant for; none: all ages. 适合人群") @Size(max = 6) List<AgeGroup> ageGroups,
            @Description("Contacts, e.g. 王老师 138…. 联系方式") @Size(max = 500) String contacts,
            @Description("Poster image URL. 海报") @Pattern(regexp = URL, message = URL_MESSAGE) String posterUrl,
            @Description("Who sees it. 可见范围") @NotNull Visibility visibility,
            @Description("Registrations wait for approval (default false). 报名审核") Boolean approvalRequired,
            @Description("Full sub-events keep a waiting list with timed offers (default true). 候补") Boolean waitingList,
            @Description("Questions every registrant answers, at most 10. 报名问题") @Size(max = 10) List<@Valid Question> questions,
            @Description("Host, co-hosts and co-organisers, at most 20. 主办方") @Size(max = 20) List<@Valid OrganiserInput> organisers,
            @Description("People who may scan tickets besides the organisers, at most 50. 验票人员") @Size(max = 50) List<String> helperPersonIds,
            @Description("Sub-events, 1 to 30. 子活动") @NotNull @Size(min = 1, max = 30) List<@Valid NewSubEvent> subEvents) {
    }

    @Name("EventAnswerInput")
    @Description("An answer to a registration question. 回答")
    public record Answer(
            @Description("The question's key. 标识") @NotNull @Size(max = 40) String key,
            @Description("The answer. 答案") @NotNull @Size(max = 500) String value) {
    }

    @Name("EventRegistrationInput")
    @Description("Registering for a sub-event. 活动报名")
    public record NewRegistration(
            @Description("The sub-event. 子活动") @Id @NotNull Long subEventId,
            @Description("The ticket kind. 票种") @Id @NotNull Long ticketKindId,
            @Description("People coming, the registrant included, 1 to the ticket's largest party (default 1). 人数") @Min(1) @Max(20) Integer partySize,
            @Description("Answers to the event's questions. 回答") @Size(max = 10) List<@Valid Answer> answers) {
    }

    @Name("EventCheckInListInput")
    @Description("A check-in list (a gate). 签到清单")
    public record NewCheckInList(
            @Description("The event. 活动") @Id @NotNull Long eventId,
            @Description("Name, unique in the event, e.g. 北门. 名称") @NotBlank @Size(max = 100) String name,
            @Description("Sub-events it admits; none: all. 子活动") @Size(max = 30) List<String> subEventIds,
            @Description("A ticket may pass again (default false). 允许重复入场") Boolean allowReEntry) {
    }

    @Name("EventTeamInput")
    @Description("A competition team formed in a grid; the caller is its captain. 组队")
    public record NewTeam(
            @Description("The event. 活动") @Id @NotNull Long eventId,
            @Description("The grid (required where the grid module is on). 网格") @Id Long gridId,
            @Description("Name, unique in the event. 队名") @NotBlank @Size(max = 100) String name) {
    }

    @Name("CompetitionItemInput")
    @Description("A competition item. 比赛项目")
    public record NewItem(
            @Description("The event. 活动") @Id @NotNull Long eventId,
            @Description("Name, unique in the event, e.g. 拔河. 名称") @NotBlank @Size(max = 100) String name,
            @Description("Kind. 类型") @NotNull ItemKind kind) {
    }

    @Name("CompetitionResultInput")
    @Description("A team's result in an item; recording again replaces it. 比赛成绩")
    public record NewResult(
            @Description("The item. 项目") @Id @NotNull Long itemId,
            @Description("The team. 队伍") @Id @NotNull Long teamId,
            @Description("Rank, 1 to 1000. 名次") @Min(1) @Max(1000) int rank,
            @Description("Score as shown, e.g. 2:1 or 3'12\". 成绩") @Size(max = 50) String score,
            @Description("Points for the leaderboard, 0 to 100000. 积分") @Min(0) @Max(100000) int points) {
    }

    @Name("EventClosingInput")
    @Description("The closing report of an event. 活动总结")
    public record Closing(
            @Description("Summary. 总结") @NotBlank @Size(max = 5000) String summary,
            @Description("Photo URLs, at most 30. 照片") @Size(max = 30) List<@Pattern(regexp = URL, message = URL_MESSAGE) String> photoUrls,
            @Description("Organisations that took part besides the organisers, at most 50, each 1 to 200 characters. 参与单位") @Size(max = 50) List<String> organisations) {
    }

    @Name("EventStewardsInput")
    @Description("Stewards for a sub-event: a shift of a volunteer team (volunteer-team module). 活动保障班次")
    public record Stewards(
            @Description("The sub-event. 子活动") @Id @NotNull Long subEventId,
            @Description("The volunteer team, e.g. 平安哨; the caller leads it. 志愿服务队") @Id @NotNull Long teamId,
            @Description("Position, e.g. 安全引导 (default 活动保障). 岗位") @Size(max = 100) String position,
            @Description("People needed, 1 to 500. 人数") @Min(1) @Max(500) int peopleNeeded,
            @Description("Minutes before the start the shift begins, 0 to 240 (default 30). 提前到岗") @Min(0) @Max(240) Integer minutesBefore) {
    }

    @Name("EventIncidentInput")
    @Description("An incident during an event, reported to the grid (grid module). 活动中的事件上报")
    public record Incident(
            @Description("The sub-event where it happened. 子活动") @Id @NotNull Long subEventId,
            @Description("Category, as the grid's incidents take it. 类别") @NotBlank @Size(max = 40) String category,
            @Description("What happened. 描述") @NotBlank @Size(max = 3000) String description,
            @Description("Photo URLs, at most 9. 照片") @Size(max = 9) List<@Pattern(regexp = URL, message = URL_MESSAGE) String> photoUrls) {
    }
}
