package org.linqin.grid.model;

import org.eclipse.microprofile.graphql.Description;

@Description("A responsibility in a grid. 网格职责")
public enum GridRole {
    @Description("Committee member responsible for the grid (包保). 包保社区委员")
    RESPONSIBLE_COMMITTEE_MEMBER,
    @Description("Grid worker. 网格员")
    GRID_WORKER,
    @Description("Part-time grid worker, e.g. a housing manager. 兼职网格员")
    PART_TIME_GRID_WORKER,
    @Description("Building head (of one building). 楼栋长")
    BUILDING_HEAD,
    @Description("Unit head (of one building). 单元长")
    UNIT_HEAD,
    @Description("Information officer of a building. 信息员")
    INFORMATION_OFFICER,
    @Description("Publicity officer of a building. 宣传员")
    PUBLICITY_OFFICER,
    @Description("Mediation officer of a building. 调解员")
    MEDIATION_OFFICER,
    @Description("Safety officer of a building. 安全员")
    SAFETY_OFFICER;

    /** Roles of "two heads, four staff" (楼栋两长四员), held for one building. */
    public boolean perBuilding() {
        return ordinal() >= BUILDING_HEAD.ordinal();
    }
}
