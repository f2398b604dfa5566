package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("CulturalEventState")
@Description("Where an event is in its life. 活动状态")
public enum EventState {
    @Description("Being prepared; seen by organisers only. 草稿")
    DRAFT,
    @Description("Announced; registration opens per sub-event. 已发布")
    PUBLISHED,
    @Description("Called off: registrations cancelled, venues released. 已取消")
    CANCELLED,
    @Description("Over, with its closing report. 已结束")
    CLOSED
}
