package org.linqin.grid.model;

import org.eclipse.microprofile.graphql.Description;

@Description("What happened to an incident, as written in its timeline. 事件动作")
public enum IncidentAction {
    @Description("Reported. 上报")
    REPORTED,
    @Description("Acknowledged by the responsible party (level 1: handle on the spot). 受理")
    ACKNOWLEDGED,
    @Description("Handling started. 开始处置")
    STARTED,
    @Description("Escalated to the next level by a person. 升级")
    ESCALATED,
    @Description("Escalated by itself because the level's deadline passed. 超时自动升级")
    AUTO_ESCALATED,
    @Description("Past the deadline of level 3. 超时")
    OVERDUE,
    @Description("A joint meeting was recorded (level 2). 召开联席会议")
    JOINT_MEETING,
    @Description("The committee blew the whistle and summoned departments (level 3). 吹哨")
    WHISTLE_BLOWN,
    @Description("A summoned department responded. 部门响应")
    DEPARTMENT_RESPONDED,
    @Description("Resolved. 办结")
    RESOLVED,
    @Description("Closed. 关闭")
    CLOSED,
    @Description("Reopened. 重新打开")
    REOPENED,
    @Description("Rated by the reporter. 评价")
    RATED
}
