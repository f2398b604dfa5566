package org.linqin.core.graphql;

import java.util.List;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A page of a list (Relay cursor connection). Ask with `first` (at most "
        + PageRequest.MAX_PAGE_SIZE + ") and `after`. 分页列表")
public record Connection<T>(
        @NonNull @Description("The items of this page with their cursors. 本页条目") List<@NonNull Edge<T>> edges,
        @NonNull @Description("Where this page stands. 分页信息") PageInfo pageInfo,
        @Description("How many items the whole list holds. 总数") int totalCount) {

    /**
     * A page from rows read with one more than {@code page.first()} (the extra row only says a next page exists),
     * ordered by the id that {@code idOf} gives, which is also the cursor.
     */
    public static <R, T> Connection<T> ofRows(List<R> rows, PageRequest page, java.util.function.ToLongFunction<R> idOf,
            java.util.function.Function<R, T> mapper, int totalCount) {
        boolean hasNext = rows.size() > page.first();
        List<R> items = hasNext ? rows.subList(0, page.first()) : rows;
        List<Edge<T>> edges = new java.util.ArrayList<>(items.size());
        for (R item : items) {
            edges.add(new Edge<>(PageRequest.cursorOf(idOf.applyAsLong(item)), mapper.apply(item)));
        }
        PageInfo info = new PageInfo(hasNext, page.afterId() > 0, edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    /** The same page with every node mapped. */
    public <R> Connection<R> map(java.util.function.Function<T, R> mapper) {
        return new Connection<>(edges.stream().map(e -> new Edge<>(e.cursor(), mapper.apply(e.node()))).toList(),
                pageInfo, totalCount);
    }
}
