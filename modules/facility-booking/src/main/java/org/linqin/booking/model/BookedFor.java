package org.linqin.booking.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Who a booking is for. 预约主体")
public enum BookedFor {
    @Description("The booker themselves. 个人")
    PERSON,
    @Description("A volunteer team. 志愿服务队")
    TEAM,
    @Description("A course of the community school. 课程")
    COURSE,
    @Description("An organisation unit. 组织")
    ORGANISATION
}
