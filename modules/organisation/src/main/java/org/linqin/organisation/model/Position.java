package org.linqin.organisation.model;

import org.eclipse.microprofile.graphql.Description;

@Description("A position held in an organisation unit. 职务")
public enum Position {
    @Description("Secretary. 书记")
    SECRETARY,
    @Description("Deputy secretary. 副书记")
    DEPUTY_SECRETARY,
    @Description("Committee member. 委员")
    COMMITTEE_MEMBER,
    @Description("Party-building instructor sent to another organisation. 党建指导员")
    PARTY_BUILDING_INSTRUCTOR,
    @Description("Part-time committee member. 兼职委员")
    PART_TIME_COMMITTEE_MEMBER,
    @Description("Leader of a party group. 党小组长")
    GROUP_LEADER,
    @Description("Head or manager of an organisation. 负责人")
    MANAGER,
    @Description("Housing manager of the property company. 房管员")
    HOUSING_MANAGER,
    @Description("Chair, e.g. of the owners' committee. 主任")
    CHAIR,
    @Description("Public contact person. 联络人")
    CONTACT,
    @Description("Member. 成员")
    MEMBER
}
