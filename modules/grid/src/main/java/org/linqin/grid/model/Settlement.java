package org.linqin.grid.model;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a neighbour dispute was settled: \"small matters stay in the building, big ones in the community\". 化解层级")
public enum Settlement {
    @Description("In the building. 楼栋化解")
    BUILDING,
    @Description("In the community. 社区化解")
    COMMUNITY
}
