package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("DeliberationMeetingState")
@Description("Where a meeting is in its life. 会议状态")
public enum MeetingState {
    @Description("Scheduled; residents register. 已安排")
    PLANNED,
    @Description("Called off before it began. 已取消")
    CANCELLED,
    @Description("Held, with minutes and closing report. 已结束")
    CLOSED
}
