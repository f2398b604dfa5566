package org.linqin.organisation.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of organisation unit: the five levels of the party-building axis (五级党建引领动力主轴) and the "
        + "partner organisations. 组织类型")
public enum OrgUnitKind {
    @Description("Level 1: community party committee. 社区党委")
    COMMUNITY_PARTY_COMMITTEE,
    @Description("Level 2: compound party committee (functional). 小区党委(功能型)")
    COMPOUND_PARTY_COMMITTEE,
    @Description("Level 3: compound party branch. 小区党支部")
    COMPOUND_PARTY_BRANCH,
    @Description("Level 4: party group, often one per building. 党小组")
    PARTY_GROUP,
    @Description("Level 5: party-member household, a contact point for nearby households. 党员中心户")
    PARTY_MEMBER_HOUSEHOLD,
    @Description("Property service company. 物业服务企业")
    PROPERTY_SERVICE_COMPANY,
    @Description("\"Two-new\" party branch of a property company. 两新党支部")
    TWO_NEW_PARTY_BRANCH,
    @Description("Owners' committee. 业委会")
    OWNERS_COMMITTEE,
    @Description("School. 学校")
    SCHOOL,
    @Description("City management. 城管")
    CITY_MANAGEMENT,
    @Description("Professional social organisation. 专业社会组织")
    PROFESSIONAL_SOCIAL_ORGANISATION,
    @Description("Unit in the jurisdiction. 辖区单位")
    JURISDICTION_UNIT
}
