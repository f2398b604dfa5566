package org.linqin.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Node.js client tools (the graphql-http audit, the graphql-ws client, code generators) run by tests as separate
 * processes. Each npm project is installed from its package-lock.json on first use, so the test command needs
 * nothing installed by hand beyond Node.js and npm.
 */
public final class NodeTools {

    /** The client conformance tools in {@code server/src/test/node}. */
    public static final Path CONFORMANCE = Path.of("src", "test", "node");

    private NodeTools() {
    }

    /** Installs the npm project in {@code dir} unless its node_modules is already there. */
    public static synchronized void install(Path dir) throws IOException, InterruptedException {
        if (Files.isDirectory(dir.resolve("node_modules"))) {
            return;
        }
        Result result = run(dir, Map.of(), 600, "npm", "ci", "--no-audit", "--no-fund");
        assertThat(result.exitCode()).as("npm ci in %s:%n%s", dir, result.output()).isZero();
    }

    /** Runs {@code node script args...} in {@code dir} (installed first) with extra environment variables. */
    public static Result node(Path dir, Map<String, String> environment, long timeoutSeconds, String script,
            String... args) throws IOException, InterruptedException {
        install(dir);
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        return run(dir, environment, timeoutSeconds, command.toArray(String[]::new));
    }

    /** Runs a command in {@code dir}; output and error are read together. */
    public static Result run(Path dir, Map<String, String> environment, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Path output = Files.createTempFile("linqin-node", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds
                    + " s:\n" + Files.readString(output, StandardCharsets.UTF_8));
        }
        String text = Files.readString(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        return new Result(process.exitValue(), text);
    }

    public record Result(int exitCode, String output) {
    }
}
