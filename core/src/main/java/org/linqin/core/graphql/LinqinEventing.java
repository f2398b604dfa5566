package org.linqin.core.graphql;

import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Collection;

import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Source;
import org.linqin.core.i18n.Msg;
import org.linqin.core.security.CommunityAccess;

import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLCodeRegistry;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.BlockedFields;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.quarkus.arc.Arc;
import io.smallrye.graphql.execution.event.InvokeInfo;
import io.smallrye.graphql.scalar.GraphQLScalarTypes;
import io.smallrye.graphql.spi.EventingService;
import io.smallrye.graphql.spi.config.Config;

/**
 * The kernel's hooks into SmallRye GraphQL, registered with {@code ServiceLoader} (so no CDI event is fired per
 * field): the scalars are described before the schema is built; when the GraphQL engine is built it gets the strict
 * input scalars and the error codes; before every operation or resolver field method runs, the caller's membership
 * of the addressed community is checked and list arguments holding {@code null} are refused.
 */
public class LinqinEventing implements EventingService {

    private volatile CommunityAccess access;

    @Override
    public String getConfigKey() {
        return null; // always on
    }

    @Override
    public GraphQLSchema.Builder beforeSchemaBuild(GraphQLSchema.Builder builder) {
        PublishedScalars.apply(GraphQLScalarTypes::getScalarByName);
        return builder;
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        GraphQL built = builder.build();
        Instrumentation existing = built.getInstrumentation();
        GraphQLSchema schema = withoutEmptyVisibilityRule(StrictScalars.apply(built.getGraphQLSchema()));
        return builder.schema(schema)
                .instrumentation(DocumentLevelInstrumentation.of(existing, ErrorShaping.instrumentation()));
    }

    /**
     * SmallRye turns its default field visibility ("default") into a blocking rule with the pattern "default", which
     * can never match a field (those are named {@code Type.field}) but costs a regular expression on every field of
     * every result. Replaced by graphql-java's default visibility, which is what the setting means.
     */
    private static GraphQLSchema withoutEmptyVisibilityRule(GraphQLSchema schema) {
        if (!(schema.getCodeRegistry().getFieldVisibility() instanceof BlockedFields)
                || !Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            return schema;
        }
        GraphQLCodeRegistry registry = schema.getCodeRegistry()
                .transform(code -> code.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY));
        return schema.transformWithoutTypes(b -> b.codeRegistry(registry));
    }

    @Override
    public void beforeInvoke(InvokeInfo invoke) {
        Method method = invoke.getOperationMethod();
        access().check(method);
        refuseNullElements(method, invoke.getOperationTransformedArguments());
    }

    private static void refuseNullElements(Method method, Object[] arguments) {
        if (arguments == null) {
            return;
        }
        Parameter[] parameters = method.getParameters();
        for (int i = 0; i < arguments.length && i < parameters.length; i++) {
            if (arguments[i] instanceof Collection<?> list && !parameters[i].isAnnotationPresent(Source.class)
                    && list.stream().anyMatch(java.util.Objects::isNull)) {
                Name name = parameters[i].getAnnotation(Name.class);
                throw ValidationFailedException.of(name != null ? name.value() : parameters[i].getName(),
                        Msg.of("core.linqinEventing.mayNotContainNull"));
            }
        }
    }

    private CommunityAccess access() {
        CommunityAccess found = access;
        if (found == null) {
            found = Arc.container().instance(CommunityAccess.class).get();
            access = found;
        }
        return found;
    }
}
