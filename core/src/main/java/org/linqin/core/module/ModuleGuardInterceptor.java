package org.linqin.core.module;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.linqin.core.graphql.ModuleDisabledException;
import org.linqin.core.tenancy.CommunityContext;
import org.linqin.core.tenancy.CommunityDirectory;
import org.linqin.core.tenancy.CommunityScope;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/** Refuses every operation and field of a module in a community where that module is not enabled. */
@ModuleGuarded
@Interceptor
// after the security interceptors (priority 150): a caller without the role learns FORBIDDEN, not which modules are on
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 160)
public class ModuleGuardInterceptor {

    @Inject
    ModuleRegistry registry;

    @Inject
    CommunityContext community;

    @Inject
    EnabledModules enabledModules;

    @Inject
    CommunityScope scope;

    @Inject
    CommunityDirectory directory;

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        Class<?> api = invocation.getMethod().getDeclaringClass();
        LinqinModule module = registry.catalog().owning(api).orElseThrow(() -> new IllegalStateException(
                api.getName() + " is @ModuleGuarded but lies in no module's package"));
        if (Multi.class.isAssignableFrom(invocation.getMethod().getReturnType())) {
            return guardStream(invocation, module);
        }
        String code = community.require();
        if (!enabledModules.isEnabled(code, module.id())) {
            throw new ModuleDisabledException(module.id(), code);
        }
        return invocation.proceed();
    }

    /**
     * Subscriptions start on an I/O thread, where the database may not be asked: the stream is returned at once and
     * the module is checked on a worker thread when a client subscribes.
     */
    private Object guardStream(InvocationContext invocation, LinqinModule module) throws Exception {
        String code = community.addressed().orElseThrow(() -> new IllegalStateException("no community addressed"));
        @SuppressWarnings("unchecked")
        Multi<Object> stream = (Multi<Object>) invocation.proceed();
        return Multi.createFrom().item(() -> scope.call(code, () -> directory.exists(code)
                && enabledModules.isEnabled(code, module.id())))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItem().transformToMultiAndConcatenate(enabled -> enabled ? stream
                        : Multi.createFrom().failure(new ModuleDisabledException(module.id(), code)));
    }
}
