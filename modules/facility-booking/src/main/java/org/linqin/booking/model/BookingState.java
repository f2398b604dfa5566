package org.linqin.booking.model;

import java.util.Set;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a booking stands. 预约状态")
public enum BookingState {
    @Description("Waiting for staff approval; holds the slot. 待审批")
    PENDING,
    @Description("Approved; holds the slot. 已批准")
    APPROVED,
    @Description("Refused by staff, with a reason. 已驳回")
    REJECTED,
    @Description("Cancelled by the booker or staff. 已取消")
    CANCELLED,
    @Description("The booker checked in. 已签到")
    CHECKED_IN,
    @Description("Not checked in in time; the slot was released. 未到场")
    NO_SHOW;

    /** States that hold the slot (the exclusion constraint covers exactly these). */
    public static final Set<BookingState> HOLDING = Set.of(PENDING, APPROVED, CHECKED_IN);
}
