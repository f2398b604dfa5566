package org.linqin.core.security;

import org.eclipse.microprofile.graphql.Description;

@Description("A role held in one community (社区角色); held through the identity server's group "
        + "`/communities/<code>/<role>`.")
public enum CommunityRole {
    @Description("Community party committee and staff: manage the community's organisations, grids, rooms, events. 社区党委/社区工作人员")
    COMMUNITY_ADMIN(Roles.COMMUNITY_ADMIN),
    @Description("Committee member responsible for grids; convenes joint meetings. 社区委员")
    COMMITTEE_MEMBER(Roles.COMMITTEE_MEMBER),
    @Description("Grid worker: residents and incidents of their grids. 网格员")
    GRID_WORKER(Roles.GRID_WORKER),
    @Description("Part-time grid worker, limited to assigned grids. 兼职网格员")
    PART_TIME_GRID_WORKER(Roles.PART_TIME_GRID_WORKER),
    @Description("Property company staff and housing managers. 物业人员/房管员")
    PROPERTY_STAFF(Roles.PROPERTY_STAFF),
    @Description("Owners' committee member. 业委会")
    OWNERS_COMMITTEE(Roles.OWNERS_COMMITTEE),
    @Description("Building or unit head. 楼栋长/单元长")
    BUILDING_LEADER(Roles.BUILDING_LEADER),
    @Description("Party member. 党员")
    PARTY_MEMBER(Roles.PARTY_MEMBER),
    @Description("Volunteer. 志愿者")
    VOLUNTEER(Roles.VOLUNTEER),
    @Description("Leader or deputy of a volunteer team; manages only the teams they lead (rule in the volunteer-team module). 志愿服务队队长")
    TEAM_LEADER(Roles.TEAM_LEADER),
    @Description("Staff of a partner unit: school, city management, … 联动单位")
    PARTNER_STAFF(Roles.PARTNER_STAFF),
    @Description("Resident. 居民")
    RESIDENT(Roles.RESIDENT);

    private final String id;

    CommunityRole(String id) {
        this.id = id;
    }

    /** The role name as the identity server and {@code @RolesAllowed} spell it, e.g. {@code grid-worker}. */
    public String id() {
        return id;
    }
}
