package org.linqin.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Keycloak for the tests: the distribution unpacked by Maven ({@code linqin.keycloak.home}), started as a
 * process on a free port with a fresh database and the realms of {@code identity/keycloak} imported (the dev/test
 * realm {@code linqin}, and {@code elsewhere} for the wrong-realm test), with this repository's providers (the
 * WeChat sign-in, copied by Maven to {@code linqin.keycloak.providers}) deployed. The WeChat stand-in is started
 * first, and the realm's WeChat identity provider points at it. Stopped when the tests end.
 */
public class KeycloakResource implements QuarkusTestResourceLifecycleManager {

    static final List<String> REALMS = List.of("linqin-realm-dev.json", "elsewhere-realm-test.json");
    private Process process;
    private DevWeChatServer wechat;

    @Override
    public Map<String, String> start() {
        try {
            Path home = Path.of(System.getProperty("linqin.keycloak.home",
                    "target/keycloak/keycloak-26.7.3")).toAbsolutePath();
            if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
                throw new IllegalStateException("No Keycloak at " + home + ": run the tests through Maven, which "
                        + "unpacks org.keycloak:keycloak-quarkus-dist");
            }
            deleteTree(home.resolve("data"));
            deployProviders(home);
            wechat = DevWeChatServer.start();
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (String realm : REALMS) {
                Files.copy(Path.of("..", "identity", "keycloak", realm), imports.resolve(realm),
                        StandardCopyOption.REPLACE_EXISTING);
            }
            // A free port may be taken by another process before Keycloak binds it: then Keycloak exits, and is
            // started again on another port (with a fresh database, as the first time).
            Path log = Path.of("target", "keycloak.log");
            Files.deleteIfExists(log);
            String url = null;
            for (int attempt = 1; url == null; attempt++) {
                int port = freePort();
                long started = System.nanoTime();
                ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                        "--http-port=" + port, "--import-realm", "--cache=local")
                        .redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                builder.environment().put("JAVA_OPTS_APPEND", "-Xms64m -Xmx512m");
                // the realm import fills the WeChat identity provider's placeholders from these
                builder.environment().put("LINQIN_WECHAT_BASE_URL", wechat.baseUrl());
                builder.environment().put("LINQIN_WECHAT_APP_ID", wechat.app().appId());
                builder.environment().put("LINQIN_WECHAT_APP_SECRET", wechat.app().secret());
                process = builder.start();
                if (waitForRealm("http://localhost:" + port, attempt < 3)) {
                    url = "http://localhost:" + port;
                    System.out.printf("Keycloak %s ready in %d ms (first start includes its build step)%n", url,
                            (System.nanoTime() - started) / 1_000_000);
                } else {
                    System.out.printf("Keycloak exited on port %d (attempt %d); starting it again%n", port, attempt);
                    deleteTree(home.resolve("data/h2"));
                    deleteTree(home.resolve("data/transaction-logs"));
                }
            }
            return Map.of("linqin.keycloak.url", url);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("Cannot start Keycloak", e);
        }
    }

    /**
     * Replaces the repository's provider jars in Keycloak's {@code providers/} (start-dev rebuilds Keycloak when
     * they change).
     */
    private static void deployProviders(Path home) throws IOException {
        Path source = Path.of(System.getProperty("linqin.keycloak.providers", "target/keycloak-providers"));
        List<Path> jars;
        try (Stream<Path> files = Files.exists(source) ? Files.list(source) : Stream.empty()) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).toList();
        }
        if (jars.isEmpty()) {
            throw new IllegalStateException("No provider jars in " + source.toAbsolutePath() + ": run the tests "
                    + "through Maven (mvn -pl server -am ...), which builds identity/keycloak-wechat and copies it");
        }
        Path providers = Files.createDirectories(home.resolve("providers"));
        try (Stream<Path> old = Files.list(providers)) {
            for (Path jar : old.filter(f -> f.getFileName().toString().startsWith("linqin-")).toList()) {
                Files.delete(jar);
            }
        }
        for (Path jar : jars) {
            Files.copy(jar, providers.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** @return true when the realm answers; false when Keycloak exited and {@code mayRetry} */
    private boolean waitForRealm(String url, boolean mayRetry) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(600).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                if (mayRetry) {
                    return false;
                }
                throw new IllegalStateException("Keycloak exited; see server/target/keycloak.log");
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                        URI.create(url + "/realms/linqin/.well-known/openid-configuration")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready within 600 s; see server/target/keycloak.log");
    }

    @Override
    public void stop() {
        if (process != null) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
        }
        if (wechat != null) {
            wechat.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
