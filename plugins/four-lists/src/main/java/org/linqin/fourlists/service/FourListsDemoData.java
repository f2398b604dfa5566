package org.linqin.fourlists.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.linqin.core.people.model.Person;
import org.linqin.core.signup.SignUps;
import org.linqin.fourlists.model.Claim;
import org.linqin.fourlists.model.Evaluation;
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
import org.linqin.fourlists.model.SubjectKind;
import org.linqin.fourlists.model.TaskState;
import org.linqin.fourlists.model.Wish;
import org.linqin.fourlists.model.WishSource;
import org.linqin.fourlists.model.WishState;
import org.linqin.fourlists.model.WishSupport;
import org.linqin.fourlists.model.WishTask;

/**
 * A season of the case: wishes from the summer building meetings (相约一"夏"), the tasks split at the tripartite joint
 * meeting, a micro project claimed by three parties, a wish rated achieved, one declined, one waiting, and a forum
 * to come.
 */
@ApplicationScoped
public class FourListsDemoData {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String DEMO = "demo data";

    @Inject
    SignUps signUps;

    @Inject
    Timeline timeline;

    public void seed() {
        List<Person> people = Person.list("subject is not null and building is not null order by id");
        if (people.isEmpty()) {
            return;
        }
        Person author = people.get(0);
        List<Person> neighbours = people.stream().filter(p -> p.building.id.equals(author.building.id)).toList();
        int year = LocalDate.now(ZONE).getYear() - (LocalDate.now(ZONE).getMonthValue() < 9 ? 1 : 0);
        Meeting summer = meeting(MeetingKind.BUILDING, "相约一“夏”·" + author.building.name + "楼栋议事会",
                author.building.id, LocalDate.of(year, 7, 12), author, "居民提出楼道照明、充电桩、儿童活动区等诉求，"
                        + "形成愿景清单。Residents raised lighting, charging points and a play area: the wish list.");
        Wish lights = wish("楼道声控灯常坏，晚上回家看不清", "希望更换" + author.building.name + "楼道的声控灯，并检查线路。",
                ScopeKind.BUILDING, author.building.id, Scopes.buildingName(author.building),
                author, WishState.ACHIEVED, summer.startsAt);
        Wish charging = wish("小区电动车充电难，希望增设充电桩", "电动车在楼道充电有火灾隐患，希望在小区内集中建设充电桩。",
                ScopeKind.COMPOUND, author.building.compound.id, author.building.compound.name, author,
                WishState.IN_PROGRESS, summer.startsAt);
        Wish loud = wish("广场舞音量太大", "晚上八点后广场舞音响影响休息，希望调整时间和音量。", ScopeKind.COMMUNITY, null,
                "社区 (community)", people.get(people.size() - 1), WishState.SUBMITTED, summer.startsAt.plusDays(30));
        Wish pool = wish("小区建游泳池", "希望在小区内建设游泳池。", ScopeKind.COMMUNITY, null, "社区 (community)", author,
                WishState.DECLINED, summer.startsAt);
        pool.answer = "小区公共用地不足，且需全体业主表决，暂不采纳；建议使用街道全民健身中心。";
        pool.answeredAt = summer.startsAt.plusDays(5);
        pool.closedAt = pool.answeredAt;
        for (Person person : people.subList(0, Math.min(5, people.size()))) {
            support(loud, person);
        }
        Meeting tripartite = meeting(MeetingKind.TRIPARTITE, "三方联席会议（社区、物业、业委会）", null,
                LocalDate.of(year, 8, 2), author, "愿望拆分为任务清单，充电桩列为微实事项目。The wishes split into tasks; "
                        + "the charging points became a micro project.");
        resolution(tripartite, "楼道照明由物业负责，八月底前完成；社区核查线路安全。", 9, 0, 1);
        resolution(tripartite, "充电桩作为微实事项目，物业、业委会、社区共同认领。", 10, 0, 0);
        task(lights, tripartite, "更换楼道声控灯", Party.PROPERTY, "邻亲物业 (property company)",
                LocalDate.of(year, 8, 31), TaskState.DONE, author);
        task(lights, tripartite, "核查楼道线路安全", Party.COMMUNITY, "社区居委会 (residents' committee)",
                LocalDate.of(year, 8, 31), TaskState.DONE, author);
        task(charging, tripartite, "充电桩选址与电力报装", Party.PROPERTY, "邻亲物业 (property company)",
                LocalDate.now(ZONE).plusMonths(1), TaskState.IN_PROGRESS, author);
        MicroProject project = new MicroProject();
        project.meetingId = tripartite.id;
        project.wishId = charging.id;
        project.title = "电动车集中充电棚（微实事）";
        project.description = "建设 20 个充电位的集中充电棚。";
        project.needs = new ArrayList<>(List.of(new Need(NeedKind.MONEY, "设备与施工", 20000),
                new Need(NeedKind.LABOUR, "志愿者引导与宣传", 10)));
        project.state = ProjectState.STARTED;
        project.progress = 40;
        project.proposedByPersonId = author.id;
        project.createdAt = tripartite.startsAt;
        project.startedAt = tripartite.startsAt.plusDays(10);
        project.persist();
        claim(project, 0, Party.PROPERTY, "邻亲物业 (property company)", 12000, "承担设备采购", author, project.createdAt);
        claim(project, 0, Party.OWNERS_COMMITTEE, "业主委员会 (owners' committee)", 8000, "从公共收益中列支", author,
                project.createdAt);
        claim(project, 1, Party.COMMUNITY, "社区居委会 (residents' committee)", 10, "组织志愿者宣传引导", author,
                project.startedAt);
        timeline.add(SubjectKind.PROJECT, project.id, DEMO, ProjectState.STARTED, 40, "every need is covered");
        int[] ratings = {5, 4, 5};
        int sum = 0;
        for (int i = 0; i < Math.min(ratings.length, neighbours.size()); i++) {
            Evaluation evaluation = new Evaluation();
            evaluation.wishId = lights.id;
            evaluation.personId = neighbours.get(i).id;
            evaluation.rating = ratings[i];
            evaluation.comment = i == 0 ? "灯修好了，晚上回家安心多了。" : null;
            evaluation.createdAt = OffsetDateTime.of(year, 9, 5, 20, 0, 0, 0, ZoneOffset.ofHours(8));
            evaluation.persist();
            lights.ratings++;
            sum += ratings[i];
        }
        lights.evaluationOpensAt = OffsetDateTime.of(year, 9, 1, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        lights.evaluationClosesAt = lights.evaluationOpensAt.plusDays(14);
        lights.ratingAverage = lights.ratings == 0 ? null
                : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(lights.ratings), 2, RoundingMode.HALF_UP);
        lights.state = lights.ratings == 0 ? WishState.NOT_ACHIEVED : WishState.ACHIEVED;
        lights.closedAt = lights.evaluationClosesAt;
        OffsetDateTime forum = LocalDate.now(ZONE).plusWeeks(1).atTime(19, 0).atZone(ZONE).toOffsetDateTime();
        Meeting next = new Meeting();
        next.kind = MeetingKind.RESIDENTS_FORUM;
        next.title = "民情恳谈会：广场舞噪音";
        next.startsAt = forum;
        next.endsAt = forum.plusHours(2);
        next.venueName = "党群服务中心 (Party-mass service centre)";
        next.signUpListId = signUps.open(60, true).id;
        next.state = MeetingState.PLANNED;
        next.convenerPersonId = author.id;
        next.createdAt = OffsetDateTime.now();
        next.persist();
    }

    private Meeting meeting(MeetingKind kind, String title, Long buildingId, LocalDate day, Person convener,
            String summary) {
        Meeting meeting = new Meeting();
        meeting.kind = kind;
        meeting.title = title;
        meeting.buildingId = buildingId;
        meeting.startsAt = day.atTime(19, 0).atZone(ZONE).toOffsetDateTime();
        meeting.endsAt = meeting.startsAt.plusHours(2);
        meeting.venueName = buildingId == null ? "党群服务中心 (Party-mass service centre)" : "楼栋架空层 (ground floor)";
        meeting.signUpListId = signUps.open(40, true).id;
        meeting.state = MeetingState.CLOSED;
        meeting.convenerPersonId = convener.id;
        meeting.minutes = summary;
        meeting.summary = summary;
        meeting.attended = 0;
        meeting.walkIns = kind == MeetingKind.TRIPARTITE ? 10 : 23;
        meeting.createdAt = meeting.startsAt.minusDays(7);
        meeting.closedAt = meeting.endsAt;
        meeting.persist();
        return meeting;
    }

    private Wish wish(String title, String body, ScopeKind scope, Long scopeId, String scopeName, Person author,
            WishState state, OffsetDateTime at) {
        Wish wish = new Wish();
        wish.title = title;
        wish.body = body;
        wish.matchText = WishMatchText.of(title + " " + body);
        wish.scopeKind = scope;
        wish.scopeId = scopeId;
        wish.scopeName = scopeName;
        wish.source = WishSource.RESIDENT;
        wish.authorPersonId = author.id;
        wish.isPublic = true;
        wish.state = state;
        wish.createdAt = at;
        if (state != WishState.SUBMITTED) {
            wish.answer = state == WishState.DECLINED ? null : "采纳，提交三方联席会议拆分任务。";
            wish.answeredAt = at.plusDays(5);
        }
        wish.persist();
        timeline.add(SubjectKind.WISH, wish.id, DEMO, state, null, "相约一“夏”楼栋议事会 (summer building meeting)");
        return wish;
    }

    private static void support(Wish wish, Person person) {
        WishSupport support = new WishSupport();
        support.wishId = wish.id;
        support.personId = person.id;
        support.createdAt = wish.createdAt.plusDays(1);
        support.persist();
        wish.supports++;
    }

    private static void resolution(Meeting meeting, String text, int yes, int no, int abstain) {
        Resolution resolution = new Resolution();
        resolution.meetingId = meeting.id;
        resolution.text = text;
        resolution.votesFor = yes;
        resolution.votesAgainst = no;
        resolution.abstentions = abstain;
        resolution.adopted = yes > no;
        resolution.recordedAt = meeting.endsAt;
        resolution.persist();
    }

    private void task(Wish wish, Meeting meeting, String title, Party party, String unit, LocalDate due,
            TaskState state, Person by) {
        WishTask task = new WishTask();
        task.wishId = wish.id;
        task.meetingId = meeting.id;
        task.title = title;
        task.party = party;
        task.unitName = unit;
        task.dueOn = due;
        task.state = state;
        task.progress = state == TaskState.DONE ? 100 : 30;
        task.createdByPersonId = by.id;
        task.createdAt = meeting.endsAt;
        task.doneAt = state == TaskState.DONE ? meeting.endsAt.plusDays(20) : null;
        task.persist();
        timeline.add(SubjectKind.TASK, task.id, DEMO, state, task.progress, "assigned to " + unit + ", due " + due);
    }

    private static void claim(MicroProject project, int need, Party party, String name, int quantity,
            String commitment, Person by, OffsetDateTime at) {
        Claim claim = new Claim();
        claim.projectId = project.id;
        claim.needIndex = need;
        claim.party = party;
        claim.partyName = name;
        claim.quantity = quantity;
        claim.commitment = commitment;
        claim.claimedByPersonId = by.id;
        claim.claimedAt = at;
        claim.persist();
    }
}
