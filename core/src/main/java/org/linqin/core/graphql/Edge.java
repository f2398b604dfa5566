package org.linqin.core.graphql;

import org.eclipse.microprofile.graphql.Description;

@Description("An item of a connection with its cursor (Relay edge). 分页条目")
public record Edge<T>(
        @Description("Opaque cursor of this item. 游标") String cursor,
        @Description("The item. 条目") T node) {
}
