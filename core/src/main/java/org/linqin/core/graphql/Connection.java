package org.linqin.core.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;

@Description("A page of a list (Relay cursor connection). Ask with `first` (at most "
        + PageRequest.MAX_PAGE_SIZE + ") and `after`. 分页列表")
public record Connection<T>(
        @Description("The items of this page with their cursors. 本页条目") List<Edge<T>> edges,
        @Description("Where this page stands. 分页信息") PageInfo pageInfo,
        @Description("How many items the whole list holds. 总数") int totalCount) {

    /** The same page with every node mapped. */
    public <R> Connection<R> map(java.util.function.Function<T, R> mapper) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()))).toList(),
                pageInfo, totalCount);
    }
}
