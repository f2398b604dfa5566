package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerHoursState")
@Description("Whether an entry counts (审核状态).")
public enum HoursState {
    @Description("Waits for a community admin. 待审核")
    PENDING,
    @Description("Counts. 已通过")
    APPROVED,
    @Description("Does not count; the reason is kept. 未通过")
    DECLINED;
}
