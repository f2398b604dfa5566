package org.linqin.core.module;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.linqin.core.graphql.ModuleDisabledException;
import org.linqin.core.tenancy.CommunityContext;

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

    @AroundInvoke
    Object guard(InvocationContext invocation) throws Exception {
        Class<?> api = invocation.getMethod().getDeclaringClass();
        LinqinModule module = registry.catalog().owning(api).orElseThrow(() -> new IllegalStateException(
                api.getName() + " is @ModuleGuarded but lies in no module's package"));
        String code = community.require();
        if (!enabledModules.isEnabled(code, module.id())) {
            throw new ModuleDisabledException(module.id(), code);
        }
        return invocation.proceed();
    }
}
