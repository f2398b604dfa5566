package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The embedded database loses nothing and needs no manual step after a crash: writes are acknowledged while the
 * server is killed with SIGKILL (first the server alone, leaving its PostgreSQL running; then the server together
 * with its PostgreSQL processes), and the next start on the same data directory succeeds at the first try with
 * every acknowledged write there. The orphaned PostgreSQL also refuses connections without the password.
 */
class EmbeddedCrashIT {

    private static final int WRITERS = 4;
    private static final long WRITE_MILLIS = 4_000;

    @Test
    void everyAcknowledgedWriteSurvivesAKilledServerAndAKilledDatabase() throws Exception {
        Path dataDir = Files.createTempDirectory("linqin-crash-it");
        int port = PackagedServer.freePort();
        Set<String> acknowledged = new TreeSet<>();

        PackagedServer first = PackagedServer.start(dataDir, port, "crash-first");
        first.waitUntilReady();
        acknowledged.addAll(writeUntilKilled(first, "kill-server", () -> {
            first.kill();
            return null;
        }));
        int orphanPort = postgresPort(dataDir);
        assertThatThrownBy(() -> DriverManager.getConnection("jdbc:postgresql://localhost:" + orphanPort
                + "/postgres", "postgres", "").close()).as("the orphaned PostgreSQL wants a password")
                .isInstanceOf(SQLException.class);

        PackagedServer second = PackagedServer.start(dataDir, port, "crash-second");
        second.waitUntilReady();
        assertThat(compoundNames(second)).as("acknowledged before the server was killed")
                .containsAll(acknowledged);
        acknowledged.addAll(writeUntilKilled(second, "kill-all", () -> {
            long postmaster = postmasterPid(dataDir);
            ProcessHandle.of(postmaster).ifPresent(p -> {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            });
            second.kill();
            return null;
        }));

        try (PackagedServer third = PackagedServer.start(dataDir, port, "crash-third")) {
            third.waitUntilReady();
            Set<String> names = compoundNames(third);
            assertThat(names).as("acknowledged before the server and its database were killed")
                    .containsAll(acknowledged);
            System.out.printf("Crash test: %d acknowledged writes over two crashes, all present after restart%n",
                    acknowledged.size());
        }
    }

    /** Writers create compounds until {@code kill} runs mid-stream; returns the names whose creation was answered. */
    private static List<String> writeUntilKilled(PackagedServer server, String round,
            java.util.concurrent.Callable<Void> kill) throws Exception {
        String token = server.token("community-admin");
        ConcurrentLinkedQueue<String> done = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int i = 0; !stop.get(); i++) {
                    String name = "崩溃-" + round + "-" + writer + "-" + i;
                    try {
                        JsonNode answer = server.tryGraphql(token, "mutation($n: String!) { createCompound(input: "
                                + "{name: $n}) { id } }", Map.of("n", name));
                        if (!answer.at("/data/createCompound/id").asText().isEmpty()) {
                            done.add(name);
                        }
                    } catch (Exception gone) {
                        return;
                    }
                }
            });
            thread.start();
            writers.add(thread);
        }
        Thread.sleep(WRITE_MILLIS);
        kill.call();
        stop.set(true);
        for (Thread thread : writers) {
            thread.join(TimeUnit.SECONDS.toMillis(40));
        }
        assertThat(done).as("writes acknowledged in round " + round).isNotEmpty();
        return new ArrayList<>(done);
    }

    private static Set<String> compoundNames(PackagedServer server) throws Exception {
        String token = server.token("community-admin");
        Set<String> names = new TreeSet<>();
        String after = null;
        while (true) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("a", after);
            JsonNode page = server.tryGraphql(token, "query($a: String) { community { compounds(first: 100, after: $a) "
                    + "{ edges { node { name } } pageInfo { hasNextPage endCursor } } } }", variables);
            JsonNode compounds = page.at("/data/community/compounds");
            compounds.get("edges").forEach(edge -> names.add(edge.at("/node/name").asText()));
            if (!compounds.at("/pageInfo/hasNextPage").asBoolean()) {
                return names;
            }
            after = compounds.at("/pageInfo/endCursor").asText();
        }
    }

    private static long postmasterPid(Path dataDir) throws Exception {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0)
                .trim());
    }

    private static int postgresPort(Path dataDir) throws Exception {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(3)
                .trim());
    }
}
