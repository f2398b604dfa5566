package org.linqin.organisation.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.linqin.organisation.model.Agreement;
import org.linqin.organisation.model.AgreementStatus;
import org.linqin.organisation.model.Appointment;
import org.linqin.organisation.model.HouseholdVisit;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.model.Position;
import org.linqin.organisation.service.OrgStructureRules;

/** GraphQL output types of the organisation module. */
public final class OrgViews {

    private OrgViews() {
    }

    @Name("OrgUnit")
    @Description("An organisation unit (组织): a level of the party-building axis or a partner organisation.")
    public record OrgUnitView(
            @Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Name. 名称") String name,
            @NonNull @Description("Kind. 类型") OrgUnitKind kind,
            @Description("Level on the five-level axis (1 community party committee … 5 party-member household); null for partners. 层级") Integer axisLevel,
            @Id @Description("Id of the parent unit. 上级组织编号") Long parentId,
            @Id @Description("Compound a partner organisation serves; null for the whole community. 服务小区") Long compoundId,
            @Id @Description("Building of a party-member household. 所在楼栋") Long buildingId,
            @Description("Unit of that building. 单元") String unit,
            @Description("Household number. 户") String household,
            @NonNull @Description("Nearby households a party-member household serves. 联系户") List<@NonNull String> servedHouseholds,
            @Description("Public office phone of the unit. 办公电话") String contactPhone,
            @Description("Date dissolved; null while active. 撤销日期") LocalDate dissolvedOn,
            @Description("Version for optimistic locking. 版本") int version) {

        public static OrgUnitView of(OrgUnit u) {
            return new OrgUnitView(u.id, u.name, u.kind, OrgStructureRules.axisLevel(u.kind).orElse(null), u.parentId,
                    u.compoundId, u.buildingId, u.unit, u.household, List.copyOf(u.servedHouseholds), u.contactPhone,
                    u.dissolvedOn, u.version);
        }
    }

    @Name("OrgTreeEntry")
    @Description("A unit in the organisation tree, depth first. 组织树节点")
    public record TreeEntryView(
            @Description("Depth in the tree, 1 for a root. 深度") int depth,
            @NonNull @Description("The unit. 组织") OrgUnitView unit) {
    }

    @Name("Appointment")
    @Description("A person holding a position in a unit (任职); ended appointments stay as history.")
    public record AppointmentView(
            @Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("The unit. 组织编号") Long unitId,
            @Id @NonNull @Description("The person. 人员编号") Long personId,
            @Description("The person's name. 姓名") String personName,
            @NonNull @Description("Position. 职务") Position position,
            @NonNull @Description("First day. 起始日期") LocalDate startOn,
            @Description("Day it ended; null while held. 结束日期") LocalDate endOn,
            @Description("Listed in the public directory. 公开联系人") boolean publicContact,
            @Description("Held today. 是否在任") boolean current) {

        public static AppointmentView of(Appointment a, Map<Long, String> names) {
            return new AppointmentView(a.id, a.unitId, a.personId, names.get(a.personId), a.position, a.startOn,
                    a.endOn, a.publicContact, a.isCurrentOn(LocalDate.now()));
        }
    }

    @Name("CrossAppointedPerson")
    @Description("A person with current positions in units of different kinds (交叉任职).")
    public record CrossAppointedView(
            @Id @NonNull @Description("The person. 人员编号") Long personId,
            @Description("Name. 姓名") String name,
            @NonNull @Description("Their current appointments. 当前任职") List<@NonNull AppointmentView> appointments) {
    }

    @Name("PartyMemberCount")
    @Description("Party members of a branch or group (党员底数).")
    public record PartyMemberCountView(
            @NonNull @Description("The branch or group. 党组织") OrgUnitView unit,
            @Description("Members recorded directly in it. 直属党员数") int directMembers,
            @Description("Members in it and the units below it. 党员总数") int totalMembers) {
    }

    @Name("PartyMembership")
    @Description("A person's membership of a party branch or group. 党员组织关系")
    public record PartyMembershipView(
            @Id @NonNull @Description("The person. 人员编号") Long personId,
            @Id @NonNull @Description("The branch or group. 党组织编号") Long unitId,
            @NonNull @Description("Date joined. 入党日期") LocalDate joinedOn) {
    }

    @Name("HouseholdVisit")
    @Description("A household visit of the big visit (大走访). Personal data: staff only, every read audited.")
    public record HouseholdVisitView(
            @Id @NonNull @Description("Id. 编号") Long id,
            @Id @NonNull @Description("Who visited. 走访人编号") Long visitorPersonId,
            @Id @NonNull @Description("Building. 楼栋编号") Long buildingId,
            @Description("Unit. 单元") String unit,
            @NonNull @Description("Household. 户") String household,
            @NonNull @Description("When. 走访时间") OffsetDateTime visitedAt,
            @NonNull @Description("Outcome notes. 走访情况") String outcome) {

        public static HouseholdVisitView of(HouseholdVisit v) {
            return new HouseholdVisitView(v.id, v.visitorPersonId, v.buildingId, v.unit, v.household, v.visitedAt,
                    v.outcome);
        }
    }

    @Name("AgreementParty")
    @Description("A party of a co-construction agreement and what it commits to. 协议方")
    public record AgreementPartyView(
            @Id @Description("The unit; null when the party is a team. 组织编号") Long unitId,
            @Description("The unit's name. 组织名称") String unitName,
            @Id @Description("The volunteer team, when the party is one (volunteer-team module). 志愿服务队") Long teamId,
            @Description("The team's name; null where the volunteer-team module is off. 服务队名称") String teamName,
            @NonNull @Description("What it shares and does. 承诺事项") String commitments) {
    }

    @Name("Agreement")
    @Description("A co-construction agreement (共建协议) between organisation units and volunteer teams.")
    public record AgreementView(
            @Id @NonNull @Description("Id. 编号") Long id,
            @NonNull @Description("Title. 标题") String title,
            @NonNull @Description("Status. 状态") AgreementStatus status,
            @Description("Date signed. 签署日期") LocalDate signedOn,
            @Description("Date ended. 终止日期") LocalDate endedOn,
            @NonNull @Description("Parties in order. 协议各方") List<@NonNull AgreementPartyView> parties,
            @Description("Version for optimistic locking. 版本") int version) {

        public static AgreementView of(Agreement a, Map<Long, OrgUnit> units, Map<Long, String> teams) {
            return new AgreementView(a.id, a.title, a.status, a.signedOn, a.endedOn,
                    a.parties.stream().map(p -> new AgreementPartyView(p.unitId,
                            p.unitId != null && units.containsKey(p.unitId) ? units.get(p.unitId).name : null,
                            p.teamId, p.teamId == null ? null : teams.get(p.teamId), p.commitments)).toList(),
                    a.version);
        }
    }
}
