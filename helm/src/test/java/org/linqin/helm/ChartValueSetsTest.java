package org.linqin.helm;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.helm.ChartRenderTest.config;
import static org.linqin.helm.ChartRenderTest.env;
import static org.linqin.helm.ChartRenderTest.server;

/** What each value set is for: chart-made secrets, operator-made secrets, autoscaling, an ingress, network policy. */
class ChartValueSetsTest {

    @Test
    void minimalValuesMakeTheirOwnSecretsAndNothingOptional() {
        LinqinChart.Rendered rendered = LinqinChart.render(LinqinChart.valueSet("minimal"));
        assertThat(rendered.kinds()).containsExactlyInAnyOrder(
                "ServiceAccount", "Secret", "Secret", "ConfigMap", "Service", "Deployment", "PodDisruptionBudget");
        Deployment deployment = rendered.one(Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(server(deployment).getImage()).isEqualTo("linqin/linqin-server:" + System.getProperty("linqin.version"));
        assertThat(config(rendered)).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://linqin-db-rw:5432/app")
                .containsEntry("LINQIN_RATE_LIMIT_REPLICAS", "2")
                .containsEntry("LINQIN_CORS_ORIGINS", "");

        Container server = server(deployment);
        assertThat(secretValue(rendered, secretRef(server, "QUARKUS_DATASOURCE_USERNAME"))).isEqualTo("app");
        assertThat(secretValue(rendered, secretRef(server, "QUARKUS_DATASOURCE_PASSWORD")))
                .isEqualTo("database-password-from-values");
        assertThat(secretValue(rendered, secretRef(server, "LINQIN_API_CLIENT_SECRET")))
                .isEqualTo("client-secret-from-values");

        PodDisruptionBudget budget = rendered.one(PodDisruptionBudget.class);
        assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void existingSecretsOfTheOperatorsAreUsedAsTheyAre() {
        LinqinChart.Rendered rendered = LinqinChart.render(LinqinChart.valueSet("existing-secrets"));
        assertThat(rendered.all(Secret.class)).isEmpty();
        Container server = server(rendered.one(Deployment.class));
        // CloudNativePG's <cluster>-app Secret: JDBC URL, user and password.
        assertThat(secretRef(server, "QUARKUS_DATASOURCE_JDBC_URL"))
                .returns("linqin-db-app", SecretKeySelector::getName).returns("jdbc-uri", SecretKeySelector::getKey);
        assertThat(secretRef(server, "QUARKUS_DATASOURCE_USERNAME"))
                .returns("linqin-db-app", SecretKeySelector::getName).returns("username", SecretKeySelector::getKey);
        assertThat(secretRef(server, "QUARKUS_DATASOURCE_PASSWORD"))
                .returns("linqin-db-app", SecretKeySelector::getName).returns("password", SecretKeySelector::getKey);
        assertThat(secretRef(server, "LINQIN_API_CLIENT_SECRET"))
                .returns("linqin-api-client", SecretKeySelector::getName).returns("secret", SecretKeySelector::getKey);
        // The URL comes from the Secret only, so the ConfigMap cannot contradict it.
        assertThat(config(rendered)).doesNotContainKey("QUARKUS_DATASOURCE_JDBC_URL")
                .containsEntry("LINQIN_KEYCLOAK_URL", "http://keycloak-service.identity.svc:8080");
    }

    @Test
    void theAutoscalerOwnsTheReplicaCount() {
        LinqinChart.Rendered rendered = LinqinChart.render(LinqinChart.valueSet("autoscaling"));
        Deployment deployment = rendered.one(Deployment.class);
        // A replicas field would fight the autoscaler on every upgrade.
        assertThat(deployment.getSpec().getReplicas()).isNull();
        HorizontalPodAutoscaler autoscaler = rendered.one(HorizontalPodAutoscaler.class);
        assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(autoscaler.getSpec().getScaleTargetRef().getName()).isEqualTo(deployment.getMetadata().getName());
        assertThat(autoscaler.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(autoscaler.getSpec().getMaxReplicas()).isEqualTo(10);
        assertThat(autoscaler.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getResource().getName()).isEqualTo("cpu");
            assertThat(metric.getResource().getTarget().getAverageUtilization()).isEqualTo(60);
        });
        // Utilisation is measured against the request, so there must be one.
        assertThat(server(deployment).getResources().getRequests().get("cpu").toString()).isEqualTo("1");
        assertThat(server(deployment).getResources().getLimits().get("memory").toString()).isEqualTo("1Gi");
        assertThat(config(rendered).get("JAVA_OPTS")).startsWith("-XX:MaxRAMPercentage=50 ");
        assertThat(config(rendered)).containsEntry("LINQIN_RATE_LIMIT_REPLICAS", "3");
    }

    @Test
    void theIngressPublishesTheApiWithWebSocketTimeouts() {
        LinqinChart.Rendered rendered = LinqinChart.render(LinqinChart.valueSet("ingress"));
        Ingress ingress = rendered.one(Ingress.class);
        Service service = rendered.one(Service.class);
        Map<String, String> annotations = ingress.getMetadata().getAnnotations();
        // Idle subscriptions outlive ingress-nginx's 60-second default only with these.
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout"))).isGreaterThanOrEqualTo(3600);
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-send-timeout"))).isGreaterThanOrEqualTo(3600);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("api.linqin.example.org");
            assertThat(tls.getSecretName()).isEqualTo("linqin-api-tls");
        });
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("api.linqin.example.org");
            // The API only: health and metrics under /q/ stay inside the cluster.
            assertThat(rule.getHttp().getPaths()).singleElement().satisfies(path -> {
                assertThat(path.getPath()).isEqualTo("/graphql");
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(path.getBackend().getService().getName()).isEqualTo(service.getMetadata().getName());
                assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
            });
        });
        assertThat(config(rendered))
                .containsEntry("LINQIN_CORS_ORIGINS", "https://app.linqin.example.org,/https://.*[.]linqin[.]example[.]org/")
                .containsEntry("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
    }

    @Test
    void networkPolicyAndServiceMonitor() {
        LinqinChart.Rendered rendered = LinqinChart.render(LinqinChart.valueSet("network-policy"));
        Deployment deployment = rendered.one(Deployment.class);
        NetworkPolicy policy = rendered.one(NetworkPolicy.class);
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getPorts()).singleElement()
                    .satisfies(port -> assertThat(port.getPort().getStrVal()).isEqualTo("http"));
            assertThat(rule.getFrom()).extracting(peer -> peer.getNamespaceSelector().getMatchLabels()
                    .get("kubernetes.io/metadata.name")).containsExactly("ingress-nginx", "monitoring");
        });
        // DNS first, then PostgreSQL and Keycloak as listed.
        assertThat(policy.getSpec().getEgress()).hasSize(3);
        assertThat(policy.getSpec().getEgress().get(0).getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactly(53, 53);
        assertThat(policy.getSpec().getEgress().get(1).getPorts()).extracting(p -> p.getPort().getIntVal())
                .containsExactly(5432);

        GenericKubernetesResource monitor = rendered.one(GenericKubernetesResource.class);
        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getKind()).isEqualTo("ServiceMonitor");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, Object> endpoint = monitor.get("spec", "endpoints", 0);
        assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/q/metrics");
        Map<String, String> selector = monitor.get("spec", "selector", "matchLabels");
        assertThat(rendered.one(Service.class).getMetadata().getLabels()).containsAllEntriesOf(selector);
    }

    private static SecretKeySelector secretRef(Container server, String variable) {
        EnvVar env = env(server, variable).orElseThrow(() -> new AssertionError(variable + " not set"));
        assertThat(env.getValue()).isNull();
        return env.getValueFrom().getSecretKeyRef();
    }

    private static String secretValue(LinqinChart.Rendered rendered, SecretKeySelector ref) {
        List<Secret> secrets = rendered.all(Secret.class).stream()
                .filter(s -> s.getMetadata().getName().equals(ref.getName())).toList();
        assertThat(secrets).as("Secret " + ref.getName()).hasSize(1);
        String encoded = secrets.get(0).getData().get(ref.getKey());
        assertThat(encoded).as(ref.getName() + "/" + ref.getKey()).isNotNull();
        return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    }
}
