package org.linqin.organisation.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.linqin.core.community.model.Building;
import org.linqin.core.community.model.Compound;
import org.linqin.core.people.model.Person;
import org.linqin.organisation.model.Agreement;
import org.linqin.organisation.model.AgreementStatus;
import org.linqin.organisation.model.Appointment;
import org.linqin.organisation.model.OrgUnit;
import org.linqin.organisation.model.OrgUnitKind;
import org.linqin.organisation.model.PartyMembership;
import org.linqin.organisation.model.Position;

/**
 * The organisation of 常青花园第六社区 as the case describes it: the five-level axis down to party-member households
 * in Evergrande Yujing, Jinbi Property with its two-new party branch, the owners' committee, a school, and the
 * cross-appointments (the deputy secretary instructs the property branch, the property manager sits on the
 * community party committee, 11 housing managers).
 */
@ApplicationScoped
public class OrganisationDemoData {

    static final LocalDate SINCE = LocalDate.of(2022, 9, 1);

    public void seed() {
        Compound yujing = Compound.<Compound> find("name like ?1", "恒大御景%").firstResult();
        List<Building> buildings = yujing == null ? List.of()
                : Building.<Building> list("compound = ?1 order by name", yujing);

        OrgUnit committee = unit("常青花园第六社区党委", OrgUnitKind.COMMUNITY_PARTY_COMMITTEE, null);
        committee.contactPhone = "027-83000000";
        OrgUnit compoundCommittee = unit("恒大御景小区党委（功能型）", OrgUnitKind.COMPOUND_PARTY_COMMITTEE, committee);
        OrgUnit branch = unit("恒大御景小区党支部", OrgUnitKind.COMPOUND_PARTY_BRANCH, compoundCommittee);
        List<OrgUnit> groups = new ArrayList<>();
        for (Building building : buildings) {
            OrgUnit group = unit("恒大御景" + building.name + "党小组", OrgUnitKind.PARTY_GROUP, branch);
            groups.add(group);
            OrgUnit household = unit(building.name + "1单元1801党员中心户", OrgUnitKind.PARTY_MEMBER_HOUSEHOLD, group);
            household.buildingId = building.id;
            household.unit = building.units.get(0);
            household.household = "1801";
            household.servedHouseholds = new ArrayList<>(List.of("1单元-1701", "1单元-1702", "1单元-1802", "1单元-1901"));
        }
        OrgUnit jinbi = unit("金碧物业", OrgUnitKind.PROPERTY_SERVICE_COMPANY, null);
        jinbi.compoundId = yujing == null ? null : yujing.id;
        jinbi.contactPhone = "027-83111111";
        OrgUnit jinbiBranch = unit("金碧物业两新党支部", OrgUnitKind.TWO_NEW_PARTY_BRANCH, jinbi);
        OrgUnit owners = unit("恒大御景业主委员会", OrgUnitKind.OWNERS_COMMITTEE, null);
        owners.compoundId = jinbi.compoundId;
        OrgUnit school = unit("常青花园第六小学", OrgUnitKind.SCHOOL, null);
        unit("东西湖区城管执法中队", OrgUnitKind.CITY_MANAGEMENT, null);

        Person secretary = person("李威威");
        Person deputy = person("王委员");
        Person propertyManager = person("陈物业");
        appoint(committee, secretary, Position.SECRETARY, true);
        appoint(committee, deputy, Position.DEPUTY_SECRETARY, true);
        appoint(jinbiBranch, deputy, Position.PARTY_BUILDING_INSTRUCTOR, true);
        appoint(jinbi, propertyManager, Position.MANAGER, true);
        appoint(committee, propertyManager, Position.PART_TIME_COMMITTEE_MEMBER, false);
        appoint(owners, person("杨业委"), Position.CHAIR, true);
        appoint(school, person("周校长"), Position.CONTACT, true);
        List<Person> housingManagers = new ArrayList<>(List.of(person("刘房管")));
        for (int i = 2; i <= 11; i++) {
            housingManagers.add(person(String.format("房管员%02d", i)));
        }
        housingManagers.forEach(p -> appoint(jinbi, p, Position.HOUSING_MANAGER, false));

        if (!groups.isEmpty()) {
            appoint(groups.get(0), person("黄党员"), Position.GROUP_LEADER, true);
            member(person("黄党员"), groups.get(0), LocalDate.of(2015, 7, 1));
            member(secretary, branch, LocalDate.of(2008, 6, 1));
            member(deputy, branch, LocalDate.of(2012, 7, 1));
        }
        member(propertyManager, jinbiBranch, LocalDate.of(2016, 7, 1));

        Agreement agreement = new Agreement();
        agreement.title = "恒大御景三方共建协议";
        agreement.status = AgreementStatus.SIGNED;
        agreement.signedOn = LocalDate.of(2023, 3, 1);
        agreement.parties.add(new Agreement.Party(committee.id, null, "统筹协调，召集联席会议；开放党群服务中心场地"));
        agreement.parties.add(new Agreement.Party(jinbi.id, null, "11名房管员担任兼职网格员；参与消防演练"));
        agreement.parties.add(new Agreement.Party(owners.id, null, "组织业主参与议事协商，反馈居民诉求"));
        agreement.persist();
    }

    private static OrgUnit unit(String name, OrgUnitKind kind, OrgUnit parent) {
        OrgUnit unit = new OrgUnit();
        unit.name = name;
        unit.kind = kind;
        unit.parentId = parent == null ? null : parent.id;
        unit.persist();
        return unit;
    }

    private static Person person(String name) {
        Person person = Person.<Person> find("name", name).firstResult();
        if (person == null) {
            person = new Person();
            person.name = name;
            person.persist();
        }
        return person;
    }

    private static void appoint(OrgUnit unit, Person person, Position position, boolean publicContact) {
        Appointment appointment = new Appointment();
        appointment.unitId = unit.id;
        appointment.personId = person.id;
        appointment.position = position;
        appointment.startOn = SINCE;
        appointment.publicContact = publicContact;
        appointment.persist();
    }

    private static void member(Person person, OrgUnit unit, LocalDate joined) {
        PartyMembership membership = new PartyMembership();
        membership.personId = person.id;
        membership.unitId = unit.id;
        membership.joinedOn = joined;
        membership.persist();
    }
}
