package org.linqin.core.graphql;

import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.function.Function;

import graphql.GraphQLException;
import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.ReferenceType;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * Reads plain properties (a getter, a record component or a public field whose value graphql-java can use as it
 * is) without SmallRye's per-field work. SmallRye's own property fetcher builds a fresh request context for every
 * field of every row (a clone, the path as text, the selected fields) although a plain property never reads it; on
 * a page of a hundred rows with five fields that was most of the request's CPU. Properties that need SmallRye
 * (formatted or transformed scalars, adapters, maps, optionals, arrays) keep its fetcher.
 */
public class PlainPropertyFetchers implements DataFetcherService {

    private static final Set<String> SMALLRYE_UNWRAPS = Set.of(
            "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble");

    /** Values graphql-java's ID scalar writes as text itself, which is all SmallRye's transformation does. */
    private static final Set<String> ID_CLASSES = Set.of("java.lang.String", "java.lang.Long", "long",
            "java.lang.Integer", "int", "java.util.UUID");

    @Override
    public Integer getPriority() {
        return 0;
    }

    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return isPlain(field) ? new PlainProperty(field, owner) : null;
    }

    static boolean isPlain(Field field) {
        Reference reference = field.getReference();
        boolean plainShape = !field.hasWrapper()
                || field.getWrapper().isCollection() && !field.getWrapper().hasWrapper();
        boolean transformed = reference.getType() == ReferenceType.SCALAR
                && !reference.getClassName().equals(reference.getGraphQLClassName())
                && !(reference.getName().equals("ID") && ID_CLASSES.contains(reference.getClassName()));
        boolean adapted = field.isAdaptingWith() || field.isAdaptingTo() || reference.isAdaptingWith()
                || reference.isAdaptingTo();
        return plainShape && !transformed && !adapted && !SMALLRYE_UNWRAPS.contains(reference.getClassName());
    }

    static final class PlainProperty implements PlugableDataFetcher<Object>, TrivialDataFetcher<Object> {

        private final Field field;
        private final Reference owner;
        private volatile Function<Object, Object> read;

        PlainProperty(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
        }

        @Override
        public Object get(DataFetchingEnvironment environment) {
            Function<Object, Object> reader = read;
            if (reader == null) {
                reader = reader();
                read = reader;
            }
            Object source = environment.getSource();
            return source == null ? null : reader.apply(source);
        }

        private Function<Object, Object> reader() {
            try {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                if (field.getMethodName() == null) {
                    java.lang.reflect.Field javaField = type.getField(field.getPropertyName());
                    return source -> {
                        try {
                            return javaField.get(source);
                        } catch (IllegalAccessException e) {
                            throw new GraphQLException(e);
                        }
                    };
                }
                return getter(type.getMethod(field.getMethodName()));
            } catch (ReflectiveOperationException e) {
                throw new GraphQLException(e);
            }
        }

        @SuppressWarnings("unchecked")
        private static Function<Object, Object> getter(Method method) {
            try {
                if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
                    throw new IllegalAccessException("not a public class");
                }
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(),
                        MethodHandles.lookup());
                MethodHandle handle = lookup.unreflect(method);
                return (Function<Object, Object>) LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), MethodType.methodType(Object.class, Object.class),
                        handle, MethodType.methodType(Object.class, method.getDeclaringClass()))
                        .getTarget().invokeExact();
            } catch (Throwable notAFastPath) {
                return source -> {
                    try {
                        return method.invoke(source);
                    } catch (ReflectiveOperationException e) {
                        throw new GraphQLException(e);
                    }
                };
            }
        }
    }
}
