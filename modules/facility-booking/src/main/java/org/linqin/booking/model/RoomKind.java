package org.linqin.booking.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Kind of bookable room. 场地类型")
public enum RoomKind {
    @Description("Multi-function room. 多功能活动室")
    MULTI_FUNCTION,
    @Description("Dance room. 舞蹈室")
    DANCE,
    @Description("Parent-child room. 亲子活动室")
    PARENT_CHILD,
    @Description("Meeting room. 会议室")
    MEETING,
    @Description("Other. 其他")
    OTHER
}
