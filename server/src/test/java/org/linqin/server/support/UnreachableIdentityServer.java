package org.linqin.server.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Tokens still come from the real Keycloak, but the admin client writes to a port where nothing listens. */
public class UnreachableIdentityServer implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.keycloak.admin-client.server-url", "http://localhost:9");
    }
}
