package org.linqin.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What every value set must render: the properties the server relies on, whatever an operator chooses. */
class ChartRenderTest {

    static List<Path> valueSets() {
        return LinqinChart.valueSets();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void rollingUpdatesNeverLowerCapacity(Path values) {
        Deployment deployment = LinqinChart.render(values).one(Deployment.class);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isPositive();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void probesAskTheServersHealthEndpoints(Path values) {
        Container server = server(LinqinChart.render(values).one(Deployment.class));
        assertThat(server.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
        });
        assertThat(server.getStartupProbe().getHttpGet().getPath()).isEqualTo("/q/health/started");
        assertThat(server.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(server.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        for (var probe : List.of(server.getStartupProbe(), server.getReadinessProbe(), server.getLivenessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        // Migrations run before the server starts: the startup probe waits minutes, not the liveness probe's seconds.
        int startupSeconds = server.getStartupProbe().getPeriodSeconds() * server.getStartupProbe().getFailureThreshold();
        assertThat(startupSeconds).isGreaterThanOrEqualTo(120);
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void runsAsNonRootOnAReadOnlyRootFileSystem(Path values) {
        Deployment deployment = LinqinChart.render(values).one(Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        var container = server(deployment).getSecurityContext();
        assertThat(container.getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getPrivileged()).isNotEqualTo(Boolean.TRUE);
        // /tmp is the one writable place, and it is a volume.
        assertThat(server(deployment).getVolumeMounts())
                .anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
        Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals("tmp")).findFirst().orElseThrow();
        assertThat(tmp.getEmptyDir()).isNotNull();
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void theHeapFollowsTheContainersMemoryLimit(Path values) {
        LinqinChart.Rendered rendered = LinqinChart.render(values);
        Container server = server(rendered.one(Deployment.class));
        Quantity memoryLimit = server.getResources().getLimits().get("memory");
        assertThat(memoryLimit).as("memory limit").isNotNull();
        assertThat(server.getResources().getRequests()).containsKeys("cpu", "memory");
        String javaOptions = config(rendered).get("JAVA_OPTS");
        assertThat(javaOptions).containsPattern("-XX:MaxRAMPercentage=[1-9][0-9]*(\\.[0-9]+)?( |$)")
                .doesNotContain("-Xmx").doesNotContain("-Xms");
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void terminationWaitsForTheServersShutdown(Path values) {
        LinqinChart.Rendered rendered = LinqinChart.render(values);
        Deployment deployment = rendered.one(Deployment.class);
        String timeout = config(rendered).get("QUARKUS_SHUTDOWN_TIMEOUT");
        assertThat(timeout).matches("[0-9]+s");
        long shutdownSeconds = Long.parseLong(timeout.replace("s", ""));
        List<String> preStop = server(deployment).getLifecycle().getPreStop().getExec().getCommand();
        assertThat(preStop.get(0)).isEqualTo("sleep");
        long preStopSeconds = Long.parseLong(preStop.get(1));
        assertThat(deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds())
                .isGreaterThan(preStopSeconds + shutdownSeconds);
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void noDevelopmentSettings(Path values) {
        LinqinChart.Rendered rendered = LinqinChart.render(values);
        assertThat(rendered.text())
                .doesNotContainIgnoringCase("quarkus.profile")
                .doesNotContainIgnoringCase("QUARKUS_PROFILE")
                .doesNotContainIgnoringCase("embedded")
                .doesNotContain("LINQIN_EMBEDDED_DATABASE")
                .doesNotContainIgnoringCase("dev-issuer")
                .doesNotContainIgnoringCase("DEV_ISSUER")
                .doesNotContain("/dev/token")
                .doesNotContain("linqin-realm-dev")
                .doesNotContain("linqin-dev-secret")
                .doesNotContain("LINQIN_DATA_DIR");
        Map<String, String> config = config(rendered);
        assertThat(config.get("LINQIN_KEYCLOAK_URL")).startsWith("http");
        assertThat(config.get("LINQIN_KEYCLOAK_REALM")).isEqualTo("linqin");
        assertThat(config.get("LINQIN_OIDC_CLIENT_ID")).isEqualTo("linqin-api");
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void secretsAreReferencedNeverInlined(Path values) {
        LinqinChart.Rendered rendered = LinqinChart.render(values);
        Container server = server(rendered.one(Deployment.class));
        for (String name : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "LINQIN_API_CLIENT_SECRET")) {
            EnvVar variable = env(server, name).orElseThrow(() -> new AssertionError(name + " not set"));
            assertThat(variable.getValue()).as(name).isNull();
            assertThat(variable.getValueFrom().getSecretKeyRef().getName()).as(name).isNotBlank();
        }
        assertThat(config(rendered)).doesNotContainKeys(
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "LINQIN_API_CLIENT_SECRET");
        // A secret given in the values lands in a Secret only, and only base64-encoded there.
        for (String secretValue : List.of("database-password-from-values", "client-secret-from-values")) {
            assertThat(rendered.text()).doesNotContain(secretValue);
        }
        // Every Secret the Deployment names is either rendered here or named as existing in the values.
        List<String> rendered_secrets = rendered.all(Secret.class).stream().map(s -> s.getMetadata().getName()).toList();
        server.getEnv().stream().filter(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .forEach(e -> {
                    String secret = e.getValueFrom().getSecretKeyRef().getName();
                    if (rendered_secrets.contains(secret)) {
                        Secret made = rendered.all(Secret.class).stream()
                                .filter(s -> s.getMetadata().getName().equals(secret)).findFirst().orElseThrow();
                        assertThat(made.getData()).containsKey(e.getValueFrom().getSecretKeyRef().getKey());
                    } else {
                        assertThat(secret).startsWith("linqin-");
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("valueSets")
    void theServiceReachesTheReplicas(Path values) {
        LinqinChart.Rendered rendered = LinqinChart.render(values);
        Deployment deployment = rendered.one(Deployment.class);
        Service service = rendered.one(Service.class);
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .containsAllEntriesOf(service.getSpec().getSelector())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(service.getSpec().getPorts()).singleElement()
                .satisfies(port -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
        assertThat(server(deployment).getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getConfigMapRef().getName())
                        .isEqualTo(rendered.one(ConfigMap.class).getMetadata().getName()));
    }

    static Container server(Deployment deployment) {
        List<Container> containers = deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    static Map<String, String> config(LinqinChart.Rendered rendered) {
        return rendered.one(ConfigMap.class).getData();
    }
}
