package org.linqin.core.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("Where a page of a connection stands (Relay PageInfo). 分页信息")
public record PageInfo(
        @Description("True when more items follow this page. 是否有下一页") boolean hasNextPage,
        @Description("True when items come before this page. 是否有上一页") boolean hasPreviousPage,
        @Description("Cursor of the first item of this page, or null for an empty page. 本页首项游标") String startCursor,
        @Description("Cursor of the last item of this page; pass it as `after` for the next page. 本页末项游标") String endCursor) {
}
