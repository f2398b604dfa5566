package org.linqin.server.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.Keycloak;
import org.linqin.core.security.IdentityDirectory;
import org.linqin.server.devissuer.DevIdentityGrants;

/**
 * Chooses where community roles are written: Keycloak ({@code linqin.identity.directory=keycloak}, production and
 * tests) or the development issuer's grants file ({@code dev}, the embedded profile).
 */
@ApplicationScoped
public class IdentityDirectoryProducer {

    @Produces
    @ApplicationScoped
    IdentityDirectory directory(@ConfigProperty(name = "linqin.identity.directory") String kind,
            @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "linqin") String realm,
            Instance<Keycloak> keycloak, Instance<DevIdentityGrants> devGrants) {
        return switch (kind) {
            case "keycloak" -> new KeycloakIdentityDirectory(keycloak::get, realm);
            case "dev" -> devGrants.get();
            default -> throw new IllegalStateException("linqin.identity.directory must be keycloak or dev, was " + kind);
        };
    }
}
