package org.linqin.core.graphql;

import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;

/** What the client selected under the field being resolved, so nothing is loaded that the query did not ask for. */
public final class Selection {

    private Selection() {
    }

    /**
     * Whether the current field's selection includes {@code field} (e.g. {@code totalCount} of a connection). Outside
     * a GraphQL request (jobs, tests calling services) everything counts as selected.
     */
    public static boolean includes(String field) {
        SmallRyeContext context = SmallRyeContextManager.getCurrentSmallRyeContext();
        DataFetchingEnvironment environment = context == null ? null : context.getDataFetchingEnvironment();
        return environment == null || environment.getSelectionSet().contains(field);
    }
}
