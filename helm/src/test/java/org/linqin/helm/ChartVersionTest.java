package org.linqin.helm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart deploys the release it is shipped with: appVersion is the Maven project version, and so is the image tag. */
class ChartVersionTest {

    @Test
    void appVersionIsTheProjectVersion() throws IOException {
        String projectVersion = System.getProperty("linqin.version");
        assertThat(projectVersion).as("linqin.version from the build").isNotBlank();
        JsonNode chart = new ObjectMapper(new YAMLFactory()).readTree(LinqinChart.CHART.resolve("Chart.yaml").toFile());
        assertThat(chart.path("apiVersion").asText()).isEqualTo("v2");
        assertThat(chart.path("appVersion").asText())
                .as("helm/linqin/Chart.yaml appVersion; change it together with the project version")
                .isEqualTo(projectVersion);
        Deployment deployment = LinqinChart.render(LinqinChart.valueSet("minimal")).one(Deployment.class);
        assertThat(ChartRenderTest.server(deployment).getImage()).endsWith(":" + projectVersion);
    }
}
