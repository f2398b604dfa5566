package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerRecruitment")
@Description("How people join a team (招募方式).")
public enum Recruitment {
    @Description("Residents apply and a leader decides, or join with the team's join code. 公开招募")
    OPEN,
    @Description("Only leaders add members (a join code still works if the team has one). 定向招募")
    CLOSED;
}
