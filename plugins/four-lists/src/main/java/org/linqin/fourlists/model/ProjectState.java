package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("MicroProjectState")
@Description("Where a micro project is. 项目状态")
public enum ProjectState {
    @Description("Proposed; parties claim its needs. 认领中")
    PROPOSED,
    @Description("Its needs are covered; under way. 实施中")
    STARTED,
    @Description("Completed. 已完成")
    COMPLETED,
    @Description("Dropped before it started. 已取消")
    CANCELLED
}
