package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("WishSource")
@Description("Where a wish came from. 愿望来源")
public enum WishSource {
    @Description("A resident directly. 居民提出")
    RESIDENT,
    @Description("A grid red work team (volunteer-team module). 网格红色工作队收集")
    GRID_TEAM,
    @Description("A household visit (organisation module). 入户走访收集")
    HOUSEHOLD_VISIT
}
