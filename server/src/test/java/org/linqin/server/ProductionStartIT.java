package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The packaged server in its production profile refuses to start while no identity server is configured. */
class ProductionStartIT {

    @Test
    void refusesToStartWithoutAnIssuer() throws Exception {
        String jar = System.getProperty("linqin.server.jar", "target/quarkus-app/quarkus-run.jar");
        String java = ProcessHandle.current().info().command().orElse("java");
        Path log = Path.of("target", "production-start.log");
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Dquarkus.http.port=0",
                "-Dlinqin.data-dir=" + Files.createTempDirectory("linqin-prod-it"), "-jar", jar))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("LINQIN_") || k.startsWith("QUARKUS_"));
        Process process = builder.start();
        boolean exited = process.waitFor(120, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("the server must stop by itself").isTrue();
        assertThat(process.exitValue()).isNotZero();
        assertThat(Files.readString(log)).contains("auth-server-url' property must be configured");
    }
}
