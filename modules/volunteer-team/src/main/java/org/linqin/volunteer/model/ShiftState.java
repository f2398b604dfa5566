package org.linqin.volunteer.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("VolunteerShiftState")
@Description("Where a shift stands (班次状态).")
public enum ShiftState {
    @Description("Planned; sign-ups as its settings allow. 进行中")
    OPEN,
    @Description("Cancelled; its sign-ups no longer count. 已取消")
    CANCELLED;
}
