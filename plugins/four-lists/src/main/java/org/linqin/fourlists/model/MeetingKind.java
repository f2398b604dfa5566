package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("DeliberationMeetingKind")
@Description("Kinds of deliberation meeting (议事会议). 会议类型")
public enum MeetingKind {
    @Description("Building deliberation meeting. 楼栋议事会")
    BUILDING,
    @Description("Residents' forum. 民情恳谈会")
    RESIDENTS_FORUM,
    @Description("Tripartite joint meeting of community, property company and owners' committee; splits wishes into tasks. 三方联席会议")
    TRIPARTITE,
    @Description("Owners' meeting. 业主大会")
    OWNERS
}
