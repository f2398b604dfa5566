package org.linqin.core.signup;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a sign-up stands (报名状态).")
public enum SignUpState {
    @Description("Holds a place. 已报名")
    CONFIRMED,
    @Description("On the waiting list; moves up when a place frees, in the order of signing up. 候补")
    WAITING,
    @Description("Withdrawn by the person or removed by the organiser. 已取消")
    CANCELLED,
    @Description("Held a place but did not come. 缺席")
    NO_SHOW;
}
