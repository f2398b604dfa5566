package org.linqin.helm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** values.schema.json: a wrong or missing value fails the install instead of making a broken Deployment. */
class ChartValuesSchemaTest {

    @TempDir
    Path dir;

    @Test
    void theChartAloneIsNotEnough() {
        // No Keycloak, no database: nothing to run against, and no development fallback.
        assertThatThrownBy(() -> LinqinChart.render(List.of(), Map.of()))
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining("keycloak")
                .hasMessageContaining("database");
    }

    @Test
    void replicasMustBeANumber() {
        assertThatThrownBy(() -> render("minimal", "replicaCount: three\n"))
                .hasMessageContaining("replicaCount");
        assertThatThrownBy(() -> render("minimal", "replicaCount: 0\n"))
                .hasMessageContaining("replicaCount");
    }

    @Test
    void aTypoIsRefusedNotIgnored() {
        assertThatThrownBy(() -> render("minimal", "replicas: 3\n"))
                .hasMessageContaining("replicas");
        assertThatThrownBy(() -> render("minimal", "keycloak:\n  secret: x\n"))
                .hasMessageContaining("secret");
    }

    @Test
    void databaseNeedsAUrlAndCredentials() {
        assertThatThrownBy(() -> render("minimal", "database:\n  url: \"\"\n"))
                .hasMessageContaining("database");
        assertThatThrownBy(() -> render("minimal", "database:\n  url: postgresql://linqin-db-rw:5432/app\n"))
                .as("a libpq URI is not a JDBC URL").hasMessageContaining("url");
        assertThatThrownBy(() -> render("minimal", "database:\n  password: \"\"\n"))
                .hasMessageContaining("database");
        // An existing Secret without a URL key still needs database.url.
        assertThatThrownBy(() -> render(null, """
                keycloak: {url: https://id.example.org, clientSecret: s}
                database: {existingSecret: {name: linqin-db-app}}
                """)).hasMessageContaining("database");
    }

    @Test
    void keycloakNeedsAUrlAndTheClientSecret() {
        assertThatThrownBy(() -> render("minimal", "keycloak:\n  url: id.example.org\n"))
                .hasMessageContaining("url");
        assertThatThrownBy(() -> render("minimal", "keycloak:\n  url: https://id.example.org/\n"))
                .as("the server appends /realms/...").hasMessageContaining("url");
        assertThatThrownBy(() -> render("minimal", "keycloak:\n  clientSecret: \"\"\n"))
                .hasMessageContaining("keycloak");
    }

    @Test
    void theMemoryLimitIsRequiredForTheHeap() {
        assertThatThrownBy(() -> render("minimal", "resources:\n  limits:\n    memory: null\n"))
                .hasMessageContaining("memory");
        assertThatThrownBy(() -> render("minimal", "jvm:\n  options: -Xmx2g\n"))
                .hasMessageContaining("options");
        assertThatThrownBy(() -> render("minimal", "jvm:\n  maxRAMPercentage: 95\n"))
                .hasMessageContaining("maxRAMPercentage");
    }

    @Test
    void noWayBackToTheDevelopmentProfile() {
        for (String variable : new String[] {"QUARKUS_PROFILE", "LINQIN_EMBEDDED_DATABASE"}) {
            assertThatThrownBy(() -> render("minimal", "extraEnv:\n  - name: " + variable + "\n    value: embedded\n"))
                    .as(variable).hasMessageContaining("extraEnv");
        }
        assertThatThrownBy(() -> render("minimal", "jvm:\n  options: -Dquarkus.profile=embedded\n"))
                .hasMessageContaining("options");
    }

    @Test
    void anIngressNeedsAHost() {
        assertThatThrownBy(() -> render("minimal", "ingress:\n  enabled: true\n"))
                .hasMessageContaining("host");
    }

    @Test
    void aCorrectOverrideStillRenders() {
        // The refusals above are about the values, not about overriding as such.
        assertThat(render("minimal", "replicaCount: 3\nextraEnv:\n  - name: QUARKUS_LOG_LEVEL\n    value: DEBUG\n")
                .kinds()).contains("Deployment");
    }

    private LinqinChart.Rendered render(String valueSet, String overrides) {
        try {
            Path file = Files.createTempFile(dir, "values", ".yaml");
            Files.writeString(file, overrides);
            return LinqinChart.render(valueSet == null ? List.of(file) : List.of(LinqinChart.valueSet(valueSet), file),
                    Map.of());
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }
}
