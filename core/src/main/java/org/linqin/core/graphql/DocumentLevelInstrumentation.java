package org.linqin.core.graphql;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;

/**
 * The engine's instrumentations (SmallRye's depth and complexity limits and document cache, our error codes) act on
 * the whole document and result only, yet a {@link ChainedInstrumentation} asks each of them about every object and
 * field of the result, allocating a context per field and instrumentation. This chain skips those per-field calls.
 * {@link #of} builds it only when no instrumentation in the chain does anything per field, and the plain chain
 * otherwise, so an instrumentation added later (tracing, say) keeps working.
 */
final class DocumentLevelInstrumentation extends ChainedInstrumentation {

    private static final Set<String> PER_FIELD = Set.of("beginExecuteObject", "beginFieldExecution",
            "beginFieldFetch", "beginFieldFetching", "beginFieldCompletion", "beginFieldListCompletion",
            "instrumentDataFetcher");

    private static final Set<Class<?>> SILENT_BASES = Set.of(Object.class, Instrumentation.class,
            SimplePerformantInstrumentation.class, SimpleInstrumentation.class, ChainedInstrumentation.class);

    private DocumentLevelInstrumentation(List<Instrumentation> instrumentations) {
        super(instrumentations);
    }

    static ChainedInstrumentation of(Instrumentation... instrumentations) {
        List<Instrumentation> flat = new ArrayList<>();
        for (Instrumentation instrumentation : instrumentations) {
            flatten(instrumentation, flat);
        }
        return flat.stream().anyMatch(DocumentLevelInstrumentation::actsPerField)
                ? new ChainedInstrumentation(flat)
                : new DocumentLevelInstrumentation(flat);
    }

    private static void flatten(Instrumentation instrumentation, List<Instrumentation> into) {
        if (instrumentation instanceof ChainedInstrumentation chain) {
            chain.getInstrumentations().forEach(i -> flatten(i, into));
        } else if (instrumentation != null) {
            into.add(instrumentation);
        }
    }

    static boolean actsPerField(Instrumentation instrumentation) {
        for (Class<?> type = instrumentation.getClass(); !SILENT_BASES.contains(type); type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (PER_FIELD.contains(method.getName()) && !method.isSynthetic()) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    @SuppressWarnings("deprecation")
    public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return null;
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return dataFetcher;
    }
}
