package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerMembershipState")
@Description("Where a membership stands (队员状态).")
public enum MembershipState {
    @Description("Applied; waits for a leader. 申请中")
    APPLIED,
    @Description("A member. 在队")
    ACTIVE,
    @Description("The application was declined, with a reason. 未通过")
    DECLINED,
    @Description("Left or was removed. 已离队")
    LEFT;
}
