package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The packaged server in its production profile refuses to start while no identity server is configured, and with
 * the development stand-in of WeChat turned on.
 */
class ProductionStartIT {

    @Test
    void refusesToStartWithoutADatabaseAndStartsNoEmbeddedOne() throws Exception {
        Path dataDir = Files.createTempDirectory("linqin-prod-it");
        String log = run("production-start-no-db", "-Dlinqin.data-dir=" + dataDir);
        assertThat(log).contains("no database configured").contains("QUARKUS_DATASOURCE_JDBC_URL");
        try (var files = Files.list(dataDir)) {
            assertThat(files).as("no embedded database was made").isEmpty();
        }
    }

    @Test
    void refusesToStartWithoutAnIssuer() throws Exception {
        String log = run("production-start", "-Dlinqin.data-dir=" + Files.createTempDirectory("linqin-prod-it"),
                "-Dlinqin.embedded-database=true");
        assertThat(log).contains("auth-server-url' property must be configured");
    }

    @Test
    void refusesToStartWithTheWeChatStandIn() throws Exception {
        String log = run("production-start-dev-wechat",
                "-Dlinqin.data-dir=" + Files.createTempDirectory("linqin-prod-it"), "-Dlinqin.embedded-database=true",
                "-Dlinqin.keycloak.url=http://localhost:9", "-Dquarkus.keycloak.admin-client.client-secret=any",
                "-Dlinqin.dev-wechat.enabled=true");
        assertThat(log).contains("linqin.dev-wechat.enabled is set in the production profile");
    }

    /** Runs the packaged server in the production profile; it must stop by itself with a non-zero status. */
    private static String run(String name, String... options) throws Exception {
        String jar = System.getProperty("linqin.server.jar", "target/quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", name + ".log");
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Dquarkus.http.port=0"));
        command.addAll(List.of(options));
        command.addAll(List.of("-jar", jar));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LINQIN_") || k.startsWith("QUARKUS_"));
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("the server must stop by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        return Files.readString(log);
    }
}
