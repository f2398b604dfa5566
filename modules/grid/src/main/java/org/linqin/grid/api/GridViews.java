package org.linqin.grid.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.grid.model.Grid;
import org.linqin.grid.model.GridMember;
import org.linqin.grid.model.GridRole;
import org.linqin.grid.model.Incident;
import org.linqin.grid.model.IncidentAction;
import org.linqin.grid.model.IncidentEvent;
import org.linqin.grid.model.IncidentState;
import org.linqin.grid.model.JointMeeting;
import org.linqin.grid.model.Settlement;
import org.linqin.grid.model.Summons;

/** GraphQL output types of the grid module. */
public final class GridViews {

    private GridViews() {
    }

    @Name("Grid")
    @Description("A grid (网格): a set of buildings and the people responsible for it.")
    public record GridView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Name. 名称") String name,
            @Description("Description. 说明") String description,
            @Id @Description("Its building party group (an organisation unit). 楼栋党小组") Long partyGroupUnitId,
            @NonNull @Description("Ids of its buildings. 楼栋") List<@NonNull Long> buildingIds) {

        public static GridView of(Grid g) {
            return new GridView(g.id, g.name, g.description, g.partyGroupUnitId, List.copyOf(g.buildingIds));
        }
    }

    @Name("GridMember")
    @Description("A person's responsibility in a grid. 网格人员")
    public record GridMemberView(@Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The person. 人员编号") Long personId,
            @Description("Name. 姓名") String personName,
            @NonNull @Description("Responsibility. 职责") GridRole role,
            @Id @Description("The building, for building roles. 楼栋") Long buildingId) {

        public static GridMemberView of(GridMember m, Map<Long, String> names) {
            return new GridMemberView(m.id, m.personId, names.get(m.personId), m.role, m.buildingId);
        }
    }

    @Name("Incident")
    @Description("An incident (事件) and its three-level response (三级响应).")
    public record IncidentView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Category. 类别") String category,
            @NonNull @Description("What happened. 描述") String description,
            @Id @Description("Building. 楼栋") Long buildingId,
            @Description("Unit. 单元") String unit,
            @Id @Description("Named place. 场所") Long placeId,
            @NonNull @Description("Photo URLs. 照片") List<@NonNull String> photoUrls,
            @Id @Description("Who reported it; shown to staff and the reporter only. 上报人") Long reporterPersonId,
            @Id @Description("Grid of the building. 网格") Long gridId,
            @NonNull @Description("Role it is routed to. 派单角色") String routedRole,
            @Id @Description("Organisation unit it is routed to. 派单组织") Long routedUnitId,
            @NonNull @Description("State. 状态") IncidentState state,
            @Description("Response level, 1 on the spot, 2 joint meeting, 3 whistle. 响应级别") int level,
            @NonNull @Description("When the current level's response is due. 响应期限") OffsetDateTime levelDeadline,
            @Description("Past the deadline of level 3. 超时") boolean overdue,
            @NonNull @Description("Reported. 上报时间") OffsetDateTime reportedAt,
            @Description("Acknowledged. 受理时间") OffsetDateTime acknowledgedAt,
            @Description("Resolved. 办结时间") OffsetDateTime resolvedAt,
            @Description("Closed. 关闭时间") OffsetDateTime closedAt,
            @NonNull @Description("Last change. 更新时间") OffsetDateTime updatedAt,
            @Description("The reporter's rating, 1 to 5. 评价") Integer rating,
            @Description("The reporter's comment. 评价意见") String ratingComment,
            @Description("Where a neighbour dispute was settled. 化解层级") Settlement settledAt,
            @Description("Version for optimistic locking. 版本") int version) {

        public static IncidentView of(Incident i, boolean showReporter) {
            return new IncidentView(i.id, i.category, i.description, i.buildingId, i.unit, i.placeId,
                    List.copyOf(i.photoUrls), showReporter ? i.reporterPersonId : null, i.gridId, i.routedRole,
                    i.routedUnitId, i.state, i.level, i.levelDeadline, i.overdue, i.reportedAt, i.acknowledgedAt,
                    i.resolvedAt, i.closedAt, i.updatedAt, i.rating, i.ratingComment, i.settledAt, i.version);
        }
    }

    @Name("IncidentEvent")
    @Description("A line of an incident's timeline: who, when, what, note. 事件进程")
    public record EventView(@NonNull @Description("When. 时间") OffsetDateTime at,
            @NonNull @Description("Who. 操作人") String actor,
            @NonNull @Description("What. 动作") IncidentAction action,
            @Description("Level after it. 级别") int level,
            @NonNull @Description("State after it. 状态") IncidentState stateAfter,
            @Description("Note. 说明") String note) {

        public static EventView of(IncidentEvent e) {
            return new EventView(e.at, e.actor, e.action, e.level, e.stateAfter, e.note);
        }
    }

    @Name("JointMeeting")
    @Description("A joint meeting (联席会议) on a level-2 incident.")
    public record MeetingView(@NonNull @Description("When. 时间") OffsetDateTime heldAt,
            @NonNull @Description("Parties invited. 参会方") List<@NonNull String> parties,
            @NonNull @Description("Minutes. 会议纪要") String minutes,
            @NonNull @Description("Decisions. 决定事项") String decisions,
            @NonNull @Description("Assigned actions. 分工") List<@NonNull String> actions) {

        public static MeetingView of(JointMeeting m) {
            return new MeetingView(m.heldAt, List.copyOf(m.parties), m.minutes, m.decisions, List.copyOf(m.actions));
        }
    }

    @Name("Summons")
    @Description("A department summoned by the whistle (吹哨报到), its due date and response.")
    public record SummonsView(@Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Department. 部门") String department,
            @NonNull @Description("Response due. 响应期限") LocalDate dueOn,
            @Description("Its response. 响应情况") String response,
            @Description("When it responded. 响应时间") OffsetDateTime respondedAt) {

        public static SummonsView of(Summons s) {
            return new SummonsView(s.id, s.department, s.dueOn, s.response, s.respondedAt);
        }
    }

    @Name("IncidentCount")
    @Description("Incidents for one value of one dimension. 分类统计")
    public record CountView(@NonNull @Description("category, level, state or grid. 维度") String dimension,
            @NonNull @Description("The value (a grid id, or `none`). 取值") String value,
            @Description("How many incidents. 数量") int incidents) {
    }

    @Name("IncidentStatistics")
    @Description("The outcome figures of a period (成效统计): incidents reported in [from, to).")
    public record StatisticsView(@Description("Incidents. 事件总数") int total,
            @NonNull @Description("By category, level, state and grid. 分类统计") List<@NonNull CountView> counts,
            @Description("Median time to acknowledge, minutes. 受理时长中位数") Double medianMinutesToAcknowledge,
            @Description("Median time to resolve, minutes. 办结时长中位数") Double medianMinutesToResolve,
            @Description("Overdue incidents. 超时数") int overdue,
            @Description("Neighbour disputes settled in the building. 楼栋化解") int disputesSettledInBuilding,
            @Description("Neighbour disputes settled in the community. 社区化解") int disputesSettledInCommunity,
            @Description("Mean rating of resolutions. 平均评分") Double meanRating,
            @Description("How many were rated. 评价数") int ratings) {
    }
}
