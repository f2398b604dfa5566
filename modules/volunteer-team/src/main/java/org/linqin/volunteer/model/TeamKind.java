package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerTeamKind")
@Description("What a volunteer team does (志愿服务队类型).")
public enum TeamKind {
    @Description("Safety patrols. 安全巡查")
    PATROL,
    @Description("Escorting children to and from school. 平安护学")
    SCHOOL_ESCORT,
    @Description("Cleaning and greening. 环境整治")
    ENVIRONMENT,
    @Description("Visiting and helping elderly residents. 助老服务")
    ELDERLY_CARE,
    @Description("Culture and sports. 文体活动")
    CULTURE,
    @Description("Helping at community events. 活动保障")
    EVENT_SUPPORT,
    @Description("A grid's red work team, which collects residents' opinions. 网格红色工作队")
    GRID_RED_WORK_TEAM,
    @Description("Anything else. 其他")
    OTHER;
}
