package org.linqin.server.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The production profile, configured as an operator would: Keycloak URL (from the test resource) and secret. */
public class ProductionProfile implements QuarkusTestProfile {
    @Override
    public String getConfigProfile() {
        return "prod";
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("LINQIN_API_CLIENT_SECRET", "linqin-dev-secret", "quarkus.log.console.json.enabled", "false");
    }
}
