package org.linqin.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The image recipe, read as text: no container engine runs here, so it is not built by the tests. What is checked is
 * what the chart relies on.
 */
class ContainerImageRecipeTest {

    private static final Path SERVER = LinqinChart.ROOT.resolve("server");
    private static final Path DOCKERFILE = SERVER.resolve("src/main/docker/Dockerfile.jvm");
    private static final Pattern COPY = Pattern.compile("(?m)^COPY\\s+(?:--chown=185:185\\s+)?(\\S+)\\s+(\\S+)\\s*$");

    @Test
    void copiesTheFourLayoutFoldersSeparately() throws IOException {
        List<String> sources = COPY.matcher(Files.readString(DOCKERFILE)).results().map(m -> m.group(1)).toList();
        // Dependencies first: a code change rebuilds only the small layers after them.
        assertThat(sources).containsExactly("target/quarkus-app/lib/", "target/quarkus-app/*.jar",
                "target/quarkus-app/app/", "target/quarkus-app/quarkus/");
        assertThat(Files.readString(SERVER.resolve(".dockerignore"))).contains("!target/quarkus-app/");
    }

    @Test
    void theLayoutItCopiesIsThePackagedServers() {
        Path layout = SERVER.resolve("target/quarkus-app");
        // The reactor packages the server before this module; run alone, there may be nothing packaged to compare.
        assumeTrue(Files.isDirectory(layout), "server not packaged");
        assertThat(layout.resolve("lib")).isDirectory();
        assertThat(layout.resolve("app")).isDirectory();
        assertThat(layout.resolve("quarkus")).isDirectory();
        assertThat(layout.resolve("quarkus-run.jar")).isRegularFile();
    }

    @Test
    void runsAsTheNonRootUserTheChartExpects() throws IOException {
        String recipe = Files.readString(DOCKERFILE);
        assertThat(recipe).containsPattern("(?m)^FROM eclipse-temurin:17-jre\\S*$");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)\\s*$").matcher(recipe);
        String lastUser = null;
        while (user.find()) {
            lastUser = user.group(1);
        }
        // Numeric, or the kubelet cannot verify runAsNonRoot.
        assertThat(lastUser).isEqualTo("185");
        Deployment deployment = LinqinChart.render(LinqinChart.valueSet("minimal")).one(Deployment.class);
        assertThat(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser())
                .isEqualTo(Long.parseLong(lastUser));
    }

    @Test
    void theJvmIsProcessOneAndTakesJavaOpts() throws IOException {
        String recipe = Files.readString(DOCKERFILE);
        Matcher entrypoint = Pattern.compile("(?m)^ENTRYPOINT\\s+(.+)$").matcher(recipe);
        assertThat(entrypoint.find()).isTrue();
        // exec: SIGTERM reaches the JVM, not a shell that would ignore it.
        assertThat(entrypoint.group(1)).contains("exec java $JAVA_OPTS ").contains("-jar /deployments/quarkus-run.jar");
        assertThat(recipe).containsPattern("(?m)^EXPOSE 8080$")
                .doesNotContain("quarkus.profile").doesNotContainIgnoringCase("embedded");
    }
}
