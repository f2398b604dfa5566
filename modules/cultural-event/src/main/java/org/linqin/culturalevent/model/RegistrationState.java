package org.linqin.culturalevent.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("EventRegistrationState")
@Description("Where a registration stands. 报名状态")
public enum RegistrationState {
    @Description("Waiting for an organiser's approval; holds no place yet. 待审核")
    PENDING,
    @Description("Declined by an organiser, with a reason. 未通过")
    DECLINED,
    @Description("Withdrawn by the registrant before a decision. 已撤回")
    WITHDRAWN,
    @Description("Has its places. 已确认")
    CONFIRMED,
    @Description("On the waiting list. 候补中")
    WAITING,
    @Description("A place is offered until offerExpiresAt; accept it or it passes on. 候补递补待确认")
    OFFERED,
    @Description("The offer was not accepted in time. 递补已过期")
    EXPIRED,
    @Description("Cancelled (by the registrant, or the event was). 已取消")
    CANCELLED,
    @Description("Did not come. 缺席")
    NO_SHOW
}
