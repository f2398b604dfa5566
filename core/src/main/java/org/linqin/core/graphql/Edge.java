package org.linqin.core.graphql;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

@Description("An item of a connection with its cursor (Relay edge). 分页条目")
public record Edge<T>(
        @NonNull @Description("Opaque cursor of this item. 游标") String cursor,
        @NonNull @Description("The item. 条目") T node) {
}
