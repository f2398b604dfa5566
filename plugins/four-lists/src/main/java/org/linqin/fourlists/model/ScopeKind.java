package org.linqin.fourlists.model;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

@Name("WishScopeKind")
@Description("Whom a wish concerns. 愿望范围")
public enum ScopeKind {
    @Description("The residents of one building. 楼栋")
    BUILDING,
    @Description("The residents of a grid's buildings (grid module). 网格")
    GRID,
    @Description("The residents of a compound. 小区")
    COMPOUND,
    @Description("Everyone in the community. 社区")
    COMMUNITY
}
