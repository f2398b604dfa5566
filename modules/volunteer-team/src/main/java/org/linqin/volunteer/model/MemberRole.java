package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerRole")
@Description("A member's role in a team (队内角色).")
public enum MemberRole {
    @Description("Leads the team: manages members, shifts and hours. 队长")
    LEADER,
    @Description("Deputy leader, with the leader's rights. 副队长")
    DEPUTY,
    @Description("Member. 队员")
    MEMBER;
}
