package org.linqin.grid.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Where an incident stands. 事件状态")
public enum IncidentState {
    @Description("Reported, not yet taken up. 已上报")
    REPORTED,
    @Description("The responsible party acknowledged it. 已受理")
    ACKNOWLEDGED,
    @Description("Being handled. 处置中")
    IN_PROGRESS,
    @Description("Handled; waiting to be closed or rated. 已办结")
    RESOLVED,
    @Description("Closed. 已关闭")
    CLOSED
}
