package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("WishState")
@Description("The way of a wish through the four lists. 愿望状态")
public enum WishState {
    @Description("Waiting for the staff's answer; residents of its scope support it. 待答复")
    SUBMITTED,
    @Description("Accepted for the task list. 已采纳")
    ACCEPTED,
    @Description("Merged into another wish. 已合并")
    MERGED,
    @Description("Declined, with the reason. 未采纳")
    DECLINED,
    @Description("Its tasks or projects are under way. 办理中")
    IN_PROGRESS,
    @Description("Done; the residents of its scope rate it until the window closes. 评估中")
    EVALUATING,
    @Description("Rated achieved (average 3.5 or more). 已实现")
    ACHIEVED,
    @Description("Rated not achieved. 未实现")
    NOT_ACHIEVED
}
