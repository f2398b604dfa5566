package org.linqin.core.tenancy;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;

/** Tells Hibernate which community's rows a session sees and writes: the addressed one. */
@PersistenceUnitExtension
@RequestScoped
public class CommunityTenantResolver implements TenantResolver {

    @Inject
    CommunityContext context;

    @Override
    public String getDefaultTenantId() {
        return CommunityContext.NO_COMMUNITY;
    }

    @Override
    public String resolveTenantId() {
        return context.tenantId();
    }
}
