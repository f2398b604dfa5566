package org.linqin.core.graphql.persisted;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.graphql.api.Context;
import io.smallrye.graphql.spi.EventingService;

/**
 * Marks the HTTP request whose operation ran without errors, for {@link CachePolicy}. Registered with
 * {@code ServiceLoader}. The operation may complete on a thread where the request context is not active: it is
 * activated with the request's state, as SmallRye's data fetchers do.
 */
public class ResultMarking implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public void afterExecute(Context context) {
        ExecutionResult result = context.unwrap(ExecutionResult.class);
        ExecutionInput input = context.unwrap(ExecutionInput.class);
        if (result == null || input == null || !result.getErrors().isEmpty()) {
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = false;
        if (!requestContext.isActive()) {
            Object state = input.getGraphQLContext().get("state");
            if (!(state instanceof InjectableContext.ContextState contextState)) {
                return;
            }
            requestContext.activate(contextState);
            activated = true;
        }
        try {
            CurrentVertxRequest request = Arc.container().instance(CurrentVertxRequest.class).get();
            if (request.getCurrent() != null) {
                request.getCurrent().put(CachePolicy.RESULT_WITHOUT_ERRORS, Boolean.TRUE);
            }
        } finally {
            if (activated) {
                requestContext.deactivate();
            }
        }
    }
}
