package org.linqin.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * HAProxy as a process in front of server slots on fixed local ports ({@code server/src/test/haproxy/haproxy.cfg}),
 * read through its CSV statistics. A slot without a server is simply down; starting a replica on it brings it up once
 * its readiness check passes, as a new pod joins a Service.
 */
public final class LoadBalancer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Process process;
    private final List<Integer> slots;
    private final int statsPort;
    public final String base;

    private LoadBalancer(Process process, List<Integer> slots, int port, int statsPort) {
        this.process = process;
        this.slots = slots;
        this.statsPort = statsPort;
        this.base = "http://127.0.0.1:" + port;
    }

    /** Starts HAProxy with one server line per slot port; HAProxy comes from Debian's packages when not installed. */
    public static LoadBalancer start(List<Integer> slots) throws Exception {
        Path folder = Path.of("target", "haproxy").toAbsolutePath();
        Process fetch = new ProcessBuilder("bash", "src/test/haproxy/fetch-haproxy.sh", folder.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String binary = new String(fetch.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (fetch.waitFor() != 0 || binary.isEmpty()) {
            throw new IllegalStateException("HAProxy could not be had from PATH or Debian's packages");
        }
        int port = PackagedServer.freePort();
        int statsPort = PackagedServer.freePort();
        String servers = IntStream.range(0, slots.size())
                .mapToObj(i -> "    server slot" + i + " 127.0.0.1:" + slots.get(i) + " check")
                .collect(Collectors.joining("\n"));
        Path config = folder.resolve("haproxy.cfg");
        Files.writeString(config, Files.readString(Path.of("src/test/haproxy/haproxy.cfg"))
                .replace("@FRONTEND_PORT@", String.valueOf(port)).replace("@STATS_PORT@", String.valueOf(statsPort))
                .replace("@SERVERS@", servers));
        ProcessBuilder builder = new ProcessBuilder(binary, "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "haproxy.log").toFile());
        try (var libraries = Files.list(folder.resolve("usr/lib"))) {
            libraries.filter(p -> p.getFileName().toString().endsWith("-linux-gnu")).findFirst()
                    .ifPresent(p -> builder.environment().put("LD_LIBRARY_PATH", p.toString()));
        } catch (IOException installed) {
            // HAProxy from PATH: its libraries are installed too
        }
        LoadBalancer balancer = new LoadBalancer(builder.start(), slots, port, statsPort);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                balancer.stats();
                return balancer;
            } catch (IOException notYet) {
                if (!balancer.process.isAlive() || System.nanoTime() > deadline) {
                    balancer.close();
                    throw new IllegalStateException("HAProxy did not start; see target/haproxy.log", notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    /** The statistics of each slot's server line ("slot0", ...) and of the backend ("BACKEND"), by CSV column. */
    public Map<String, Map<String, String>> stats() throws IOException, InterruptedException {
        String csv = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + statsPort + "/stats;csv"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()).body();
        String[] lines = csv.split("\n");
        String[] columns = lines[0].replaceFirst("^# ", "").split(",", -1);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] values = lines[i].split(",", -1);
            if (values.length > 1 && values[0].equals("linqin")) {
                Map<String, String> row = new HashMap<>();
                for (int c = 0; c < columns.length && c < values.length; c++) {
                    row.put(columns[c], values[c]);
                }
                rows.put(values[1], row);
            }
        }
        return rows;
    }

    /** Waits until HAProxy's health checks see the slot's server as {@code status} (UP or DOWN). */
    public void awaitStatus(int slot, String status, Duration wait) throws Exception {
        long deadline = System.nanoTime() + wait.toNanos();
        String seen = "";
        while (System.nanoTime() < deadline) {
            seen = stats().get("slot" + slot).get("status");
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("slot " + slot + " (port " + slots.get(slot) + ") is " + seen + ", not " + status);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
