package org.linqin.culturalevent.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.core.signup.SignUp;
import org.linqin.core.signup.SignUpList;
import org.linqin.culturalevent.model.AgeGroup;
import org.linqin.culturalevent.model.CheckInList;
import org.linqin.culturalevent.model.ClosingReport;
import org.linqin.culturalevent.model.CompetitionItem;
import org.linqin.culturalevent.model.CompetitionResult;
import org.linqin.culturalevent.model.CulturalEvent;
import org.linqin.culturalevent.model.EventCategory;
import org.linqin.culturalevent.model.EventLink;
import org.linqin.culturalevent.model.EventSeries;
import org.linqin.culturalevent.model.EventState;
import org.linqin.culturalevent.model.EventTeam;
import org.linqin.culturalevent.model.Feedback;
import org.linqin.culturalevent.model.ItemKind;
import org.linqin.culturalevent.model.LinkKind;
import org.linqin.culturalevent.model.Organiser;
import org.linqin.culturalevent.model.OrganiserRole;
import org.linqin.culturalevent.model.Question;
import org.linqin.culturalevent.model.Registration;
import org.linqin.culturalevent.model.RegistrationState;
import org.linqin.culturalevent.model.SubEvent;
import org.linqin.culturalevent.model.TicketKind;
import org.linqin.culturalevent.model.Visibility;
import org.linqin.culturalevent.service.AttendanceService;
import org.linqin.culturalevent.service.CompetitionService;
import org.linqin.culturalevent.service.EditionStatistics;
import org.linqin.culturalevent.service.LiveFigures;
import org.linqin.culturalevent.service.RegistrationService;

/** What the cultural-event module shows, as GraphQL types. */
public final class EventViews {

    private EventViews() {
    }

    @Name("EventSeries")
    @Description("A recurring event, e.g. 邻亲邻里文化节; its editions are events with a year. 系列活动")
    public record SeriesView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Name. 名称") String name,
            @Description("Description. 简介") String description) {

        static SeriesView of(EventSeries s) {
            return new SeriesView(s.id, s.name, s.description);
        }
    }

    @Name("CulturalEvent")
    @Description("An event with its sub-events; with a series and year, that series' edition. 文化活动")
    public record EventView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @Description("The series it is an edition of. 系列") Long seriesId,
            @Description("Edition year. 届次年份") Integer editionYear,
            @NonNull @Description("Title. 标题") String title,
            @Description("Description. 介绍") String description,
            @NonNull @Description("Category. 类别") EventCategory category,
            @NonNull @Description("Age groups it is meant for; empty: all ages. 适合人群") List<@NonNull AgeGroup> ageGroups,
            @Description("Contacts. 联系方式") String contacts,
            @Description("Poster image URL. 海报") String posterUrl,
            @NonNull @Description("Who sees it. 可见范围") Visibility visibility,
            @NonNull @Description("State. 状态") EventState state,
            @NonNull @Description("Registrations wait for approval. 报名审核") Boolean approvalRequired,
            @NonNull @Description("Full sub-events keep a waiting list with timed offers. 候补") Boolean waitingList,
            @NonNull @Description("Questions every registrant answers. 报名问题") List<@NonNull Question> questions,
            @Description("Why it was cancelled. 取消原因") String cancelReason,
            @Description("Published. 发布时间") OffsetDateTime publishedAt,
            @Description("Cancelled or closed. 结束时间") OffsetDateTime endedAt) {

        static EventView of(CulturalEvent e) {
            return new EventView(e.id, e.seriesId, e.editionYear, e.title, e.description, e.category,
                    e.ageGroups.stream().map(AgeGroup::valueOf).toList(), e.contacts, e.posterUrl, e.visibility,
                    e.state, e.approvalRequired, e.waitingList, List.copyOf(e.questions), e.cancelReason,
                    e.publishedAt, e.endedAt);
        }
    }

    @Name("EventOrganiser")
    @Description("An organisation taking part in an event. 主办方")
    public record OrganiserView(@NonNull @Description("Host, co-host (联办) or co-organiser (协办). 角色") OrganiserRole role,
            @Id @Description("The organisation unit, when one (organisation module). 组织") Long unitId,
            @NonNull @Description("Name. 名称") String name) {

        static OrganiserView of(Organiser o) {
            return new OrganiserView(o.role, o.unitId, o.name);
        }
    }

    @Name("SubEvent")
    @Description("A dated part of an event with its venue and tickets. 子活动")
    public record SubEventView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The event. 活动") Long eventId,
            @NonNull @Description("Title. 名称") String title,
            @NonNull @Description("Start. 开始") OffsetDateTime startsAt,
            @NonNull @Description("End. 结束") OffsetDateTime endsAt,
            @Description("Registration opens (null: since publishing). 报名开始") OffsetDateTime registrationOpensAt,
            @NonNull @Description("Registration closes. 报名截止") OffsetDateTime registrationClosesAt,
            @Id @Description("The room, booked through facility-booking once published. 场地") Long roomId,
            @Id @Description("The room booking, once published. 场地预约") Long bookingId,
            @Id @Description("The named place (a square), held once published. 公共场所") Long placeId,
            @Description("The venue's name. 地点") String venueName,
            @NonNull @Description("Called off. 已取消") Boolean cancelled) {

        static SubEventView of(SubEvent s) {
            return new SubEventView(s.id, s.eventId, s.title, s.startsAt, s.endsAt, s.registrationOpensAt,
                    s.closesAt(), s.roomId, s.bookingId, s.placeId, s.venueName, s.cancelled);
        }
    }

    @Name("EventTicketKind")
    @Description("A kind of ticket with its quota and what is left. 票种与余量")
    public record TicketKindView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The sub-event. 子活动") Long subEventId,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("Age group. 年龄段") AgeGroup ageGroup,
            @NonNull @Description("Largest party on one ticket. 每单人数上限") Integer maxPartySize,
            @NonNull @Description("Places (people). 名额") Integer quota,
            @NonNull @Description("Places taken or offered. 已报") Integer taken,
            @NonNull @Description("Places free. 余量") Integer free,
            @NonNull @Description("People on the waiting list (tickets). 候补数") Integer waiting) {

        static TicketKindView of(LiveFigures.Availability a) {
            TicketKind t = a.ticketKind();
            SignUpList list = a.list();
            return new TicketKindView(t.id, t.subEventId, t.name, t.ageGroup, t.maxPartySize, list.capacity,
                    list.confirmed, list.free(), (int) a.waiting());
        }
    }

    @Name("EventAnswer")
    @Description("An answer to a registration question. 回答")
    public record AnswerView(@NonNull @Description("The question's key. 标识") String key,
            @NonNull @Description("The answer. 答案") String value) {
    }

    @Name("EventRegistration")
    @Description("A registration for a sub-event, with its ticket code. 活动报名")
    public record RegistrationView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The event. 活动") Long eventId,
            @Id @NonNull @Description("The sub-event. 子活动") Long subEventId,
            @Id @NonNull @Description("The ticket kind. 票种") Long ticketKindId,
            @Id @NonNull @Description("The registrant. 报名人") Long personId,
            @NonNull @Description("People on the ticket. 人数") Integer partySize,
            @NonNull @Description("Answers. 回答") List<@NonNull AnswerView> answers,
            @NonNull @Description("Code scanned at check-in; its QR image is at /events/tickets/<code>.png. 票码") String ticketCode,
            @NonNull @Description("State. 状态") RegistrationState state,
            @Description("Until when an OFFERED place is held. 递补保留至") OffsetDateTime offerExpiresAt,
            @Description("The organiser's reason, when declined. 审核意见") String decisionReason,
            @Description("First scanned at a check-in list. 签到时间") OffsetDateTime checkedInAt,
            @NonNull @Description("Registered. 报名时间") OffsetDateTime createdAt) {

        static RegistrationView of(RegistrationService.Placed p) {
            Registration r = p.registration();
            SignUp s = p.signUp();
            return new RegistrationView(r.id, r.eventId, r.subEventId, r.ticketKindId, r.personId, r.partySize,
                    r.answers.entrySet().stream().map(a -> new AnswerView(a.getKey(), a.getValue())).toList(),
                    r.ticketCode, p.state(), s == null ? null : s.offerExpiresAt, r.decisionReason,
                    s == null ? null : s.checkedInAt, r.createdAt);
        }

        static RegistrationView of(Registration r, Map<Long, SignUp> signUps) {
            return of(new RegistrationService.Placed(r, r.signUpId == null ? null : signUps.get(r.signUpId)));
        }
    }

    @Name("EventCheckInList")
    @Description("A check-in list (a gate). 签到清单")
    public record CheckInListView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The event. 活动") Long eventId,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("Sub-events it admits; empty: all. 子活动") List<@NonNull String> subEventIds,
            @NonNull @Description("A ticket may pass again. 允许重复入场") Boolean allowReEntry) {

        static CheckInListView of(CheckInList l) {
            return new CheckInListView(l.id, l.eventId, l.name, l.subEventIds.stream().map(String::valueOf).toList(),
                    l.allowReEntry);
        }
    }

    @Name("EventTicketScan")
    @Description("What scanning a ticket did. 验票结果")
    public record ScanView(@Id @NonNull @Description("The registration. 报名") Long registrationId,
            @Id @NonNull @Description("The sub-event. 子活动") Long subEventId,
            @Description("The registrant's name. 姓名") String personName,
            @NonNull @Description("People on the ticket. 人数") Integer partySize,
            @NonNull @Description("First entry at this list (false: re-entry). 首次入场") Boolean firstEntry,
            @NonNull @Description("When. 时间") OffsetDateTime checkedInAt) {

        static ScanView of(AttendanceService.Scan s) {
            return new ScanView(s.registration().id, s.registration().subEventId, s.personName(),
                    s.registration().partySize, s.firstEntry(), s.at());
        }
    }

    @Name("EventCheckInCounts")
    @Description("Live counts of a check-in list. 签到统计")
    public record CountsView(@Id @NonNull @Description("The list. 清单") Long listId,
            @NonNull @Description("Its name. 名称") String name,
            @NonNull @Description("Confirmed tickets it admits. 应到票数") Integer expectedTickets,
            @NonNull @Description("People on them. 应到人数") Integer expectedPeople,
            @NonNull @Description("Tickets checked in. 已到票数") Integer checkedInTickets,
            @NonNull @Description("People on them. 已到人数") Integer checkedInPeople) {

        static CountsView of(AttendanceService.Counts c) {
            return new CountsView(c.list().id, c.list().name, c.expectedTickets(), c.expectedPeople(),
                    c.checkedInTickets(), c.checkedInPeople());
        }
    }

    @Name("EventTeam")
    @Description("A competition team formed in a grid. 网格队伍")
    public record TeamView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The event. 活动") Long eventId,
            @Id @Description("The grid (grid module). 网格") Long gridId,
            @Description("The grid's name. 网格名称") String gridName,
            @NonNull @Description("Name. 队名") String name,
            @Id @NonNull @Description("The captain. 队长") Long captainPersonId) {

        static TeamView of(EventTeam t) {
            return new TeamView(t.id, t.eventId, t.gridId, t.gridName, t.name, t.captainPersonId);
        }
    }

    @Name("EventTeamMember")
    @Description("A member of a team. 队员")
    public record TeamMemberView(@Id @NonNull @Description("The team. 队伍") Long teamId,
            @Id @NonNull @Description("The person. 人员") Long personId,
            @NonNull @Description("Joined. 加入时间") OffsetDateTime joinedAt) {
    }

    @Name("CompetitionItem")
    @Description("A competition item with its results. 比赛项目")
    public record ItemView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The event. 活动") Long eventId,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("Kind. 类型") ItemKind kind) {

        static ItemView of(CompetitionItem i) {
            return new ItemView(i.id, i.eventId, i.name, i.kind);
        }
    }

    @Name("CompetitionResult")
    @Description("A team's result in an item. 比赛成绩")
    public record ResultView(@Id @NonNull @Description("The item. 项目") Long itemId,
            @Id @NonNull @Description("The team. 队伍") Long teamId,
            @NonNull @Description("Rank. 名次") Integer rank,
            @Description("Score as shown. 成绩") String score,
            @NonNull @Description("Points. 积分") Integer points) {

        static ResultView of(CompetitionResult r) {
            return new ResultView(r.itemId, r.teamId, r.rank, r.score, r.points);
        }
    }

    @Name("EventStanding")
    @Description("A team's place on the event's leaderboard. 排行榜")
    public record StandingView(@NonNull @Description("Rank; ties share it. 名次") Integer rank,
            @NonNull @Description("The team. 队伍") TeamView team,
            @NonNull @Description("Points of all items. 总积分") Long points,
            @NonNull @Description("Items won. 冠军数") Long firstPlaces,
            @NonNull @Description("Items with a result. 参赛项目数") Long results) {

        static StandingView of(CompetitionService.Standing s) {
            return new StandingView(s.rank(), TeamView.of(s.team()), s.points(), s.firstPlaces(), s.results());
        }
    }

    @Name("EventClosingReport")
    @Description("The closing report of an event. 活动总结")
    public record ReportView(@NonNull @Description("Summary. 总结") String summary,
            @NonNull @Description("Photo URLs. 照片") List<@NonNull String> photoUrls,
            @NonNull @Description("Organisations that took part. 参与单位") List<@NonNull String> organisations,
            @NonNull @Description("People with places at closing. 报名人数") Integer registered,
            @NonNull @Description("People checked in. 签到人数") Integer checkedIn,
            @NonNull @Description("Closed. 结束时间") OffsetDateTime createdAt) {

        static ReportView of(ClosingReport r) {
            return new ReportView(r.summary, List.copyOf(r.photoUrls), List.copyOf(r.organisations), r.registered,
                    r.checkedIn, r.createdAt);
        }
    }

    @Name("EventFeedback")
    @Description("An attendee's feedback. 参与者评价")
    public record FeedbackView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Rating 1 to 5. 评分") Integer rating,
            @Description("Comment. 评语") String comment,
            @NonNull @Description("Given. 时间") OffsetDateTime createdAt) {

        static FeedbackView of(Feedback f) {
            return new FeedbackView(f.id, f.rating, f.comment, f.createdAt);
        }
    }

    @Name("EventShare")
    @Description("People of a group (a grid or an age group). 分组人数")
    public record ShareView(@NonNull @Description("The grid's id or the age group. 标识") String key,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("People. 人数") Long people) {
    }

    @Name("EventFigures")
    @Description("Figures of an event or edition, comparable year on year. 活动统计")
    public record FiguresView(@Id @NonNull @Description("The event. 活动") Long eventId,
            @Description("Edition year. 届次年份") Integer editionYear,
            @NonNull @Description("Title. 标题") String title,
            @NonNull @Description("State. 状态") EventState state,
            @NonNull @Description("Sub-events held. 子活动数") Long subEvents,
            @NonNull @Description("Confirmed tickets. 报名单数") Long tickets,
            @NonNull @Description("People on confirmed tickets. 报名人数") Long registeredPeople,
            @NonNull @Description("People on scanned tickets. 签到人数") Long checkedInPeople,
            @NonNull @Description("Teams. 队伍数") Long teams,
            @NonNull @Description("People by the grid they live in (grid module). 按网格") List<@NonNull ShareView> byGrid,
            @NonNull @Description("People by ticket age group. 按年龄段") List<@NonNull ShareView> byAgeGroup) {

        static FiguresView of(EditionStatistics.Figures f) {
            return new FiguresView(f.event().id, f.event().editionYear, f.event().title, f.event().state,
                    f.subEvents(), f.tickets(), f.registeredPeople(), f.checkedInPeople(), f.teams(),
                    f.byGrid().stream().map(s -> new ShareView(s.key(), s.name(), s.people())).toList(),
                    f.byAgeGroup().stream().map(s -> new ShareView(s.key(), s.name(), s.people())).toList());
        }
    }

    @Name("CulturalEventLink")
    @Description("A record of a neighbouring module linked to the event. 关联记录")
    public record LinkView(@NonNull @Description("What it is. 类型") LinkKind kind,
            @Id @NonNull @Description("The shift or incident. 编号") Long targetId,
            @Id @Description("The sub-event. 子活动") Long subEventId,
            @Id @Description("The volunteer team of a steward shift. 志愿服务队") Long teamId,
            @NonNull @Description("Linked. 时间") OffsetDateTime createdAt) {

        static LinkView of(EventLink l) {
            return new LinkView(l.kind, l.targetId, l.subEventId, l.teamId, l.createdAt);
        }
    }

    @Name("CulturalEventLive")
    @Description("An event's availability and check-in counts, as they change. 实时余量与签到")
    public record LiveView(@Id @NonNull @Description("The event. 活动") Long eventId,
            @NonNull @Description("Every ticket kind with what is left. 票种余量") List<@NonNull TicketKindView> ticketKinds,
            @NonNull @Description("People checked in at any list. 签到人数") Integer checkedInPeople) {

        static LiveView of(LiveFigures.Live live) {
            return new LiveView(live.eventId(), live.ticketKinds().stream().map(TicketKindView::of).toList(),
                    live.checkedInPeople());
        }
    }
}
