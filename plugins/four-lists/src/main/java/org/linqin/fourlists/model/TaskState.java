package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("WishTaskState")
@Description("States of a task of the task list. 任务状态")
public enum TaskState {
    @Description("Assigned, not started. 待办")
    OPEN,
    @Description("Under way. 办理中")
    IN_PROGRESS,
    @Description("Done. 已完成")
    DONE,
    @Description("Dropped. 已取消")
    CANCELLED
}
