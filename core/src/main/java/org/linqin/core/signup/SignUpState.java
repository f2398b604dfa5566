package org.linqin.core.signup;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a sign-up stands (报名状态).")
public enum SignUpState {
    @Description("Holds a place. 已报名")
    CONFIRMED,
    @Description("On the waiting list; moves up when a place frees, in the order of signing up. 候补")
    WAITING,
    @Description("A freed place is held for them until the offer expires; accept it to confirm. 候补待确认")
    OFFERED,
    @Description("An offer was not accepted in time; the place went to the next in line. 候补已过期")
    EXPIRED,
    @Description("Withdrawn by the person or removed by the organiser. 已取消")
    CANCELLED,
    @Description("Held a place but did not come. 缺席")
    NO_SHOW;
}
