package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.linqin.server.embedded.EmbeddedDatabase;
import org.linqin.server.support.IncidentFeed;
import org.linqin.server.support.KeycloakResource;
import org.linqin.server.support.LoadBalancer;
import org.linqin.server.support.PackagedServer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the Helm chart assumes, shown without Kubernetes: three packaged servers in the production profile on one
 * PostgreSQL, next to Keycloak, behind HAProxy (server/src/test/haproxy). Under read and write load and with live
 * subscribers, each replica is replaced in turn as a rolling update does it (SIGTERM, start a new one, wait until
 * ready). No request may fail, every subscriber must reconnect and catch up (subscribing again with
 * {@code changedSince}) without missing a change, and the
 * escalation and no-show jobs, run every second by every replica, must act once per item.
 *
 * <p>
 * Time is moved for the jobs, not waited for: while the load runs, a clock puts the deadlines of a few incidents and
 * the times of a few bookings into the past every two seconds, directly in the database, so the replicas race for
 * them again and again.
 */
class RollingRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COMMUNITY = "changqing-6";
    private static final int REPLICAS = 3;
    private static final int BOOKINGS = 60;
    private static final Pattern ESCALATED = Pattern.compile("Escalated (\\d+) overdue incident");
    private static final Pattern NO_SHOWS = Pattern.compile("Released (\\d+) booking\\(s\\) as no-show");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String[]> tokens = new ConcurrentHashMap<>();
    private String keycloakUrl;
    private LoadBalancer balancer;

    private final AtomicLong served = new AtomicLong();
    private final List<String> failures = new CopyOnWriteArrayList<>();
    private final Set<Long> reported = ConcurrentHashMap.newKeySet();
    private final Set<Long> overdue = ConcurrentHashMap.newKeySet();
    private volatile boolean loading = true;

    @Test
    void replicasAreReplacedOneByOneUnderLoadWithoutAFailedRequest() throws Exception {
        KeycloakResource keycloak = new KeycloakResource();
        keycloakUrl = keycloak.start().get("linqin.keycloak.url");
        EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("linqin-rolling-pg"));
        Map<String, String> shared = database.datasourceConfig();
        List<Integer> slots = new ArrayList<>();
        for (int i = 0; i < 2 * REPLICAS; i++) {
            slots.add(PackagedServer.freePort());
        }
        List<PackagedServer> servers = new ArrayList<>();
        List<IncidentFeed> feeds = new ArrayList<>();
        ExecutorService load = Executors.newCachedThreadPool();
        try (Connection db = DriverManager.getConnection(shared.get("quarkus.datasource.jdbc.url"),
                shared.get("quarkus.datasource.username"), shared.get("quarkus.datasource.password"))) {
            balancer = LoadBalancer.start(slots);

            // Three replicas start at once on an empty database: Flyway's lock lets one migrate, the others wait.
            for (int i = 0; i < REPLICAS; i++) {
                servers.add(replica(shared, slots.get(i), "replica-" + (i + 1), i == 0));
            }
            for (int i = 0; i < REPLICAS; i++) {
                servers.get(i).waitUntilReady();
                balancer.awaitStatus(i, "UP", Duration.ofSeconds(10));
            }
            assertMigratedOnce(db);

            List<Long> bookings = bookRoomForTomorrowAndAfter();
            for (int i = 0; i < 6; i++) {
                feeds.add(IncidentFeed.open(balancer.base, COMMUNITY, () -> token("grid-worker")));
            }
            for (int i = 0; i < 2; i++) {
                load.submit(() -> loop(this::report, 200));
            }
            load.submit(() -> loop(() -> read("grid-worker",
                    "{ incidents(first: 20) { edges { node { id state level } } totalCount } }"), 100));
            load.submit(() -> loop(() -> read("resident", "{ notices(first: 10) { totalCount } me { roles } }"), 100));
            load.submit(() -> loop(() -> read("community-admin", "{ modules { id version } }"), 100));
            List<Long> overdueBookings = Collections.synchronizedList(new ArrayList<>());
            load.submit(() -> clock(db, bookings, overdueBookings));
            Thread.sleep(5_000);

            // The rolling update: each old replica is told to stop, a new one takes a fresh slot, and the next waits
            // until HAProxy sees the new one ready. The old ones drain meanwhile.
            List<Long> drainMillis = new CopyOnWriteArrayList<>();
            List<PackagedServer> old = new ArrayList<>(servers);
            long rollingStarted = System.nanoTime();
            long servedBefore = served.get();
            for (int i = 0; i < REPLICAS; i++) {
                PackagedServer leaving = old.get(i);
                long stopped = System.nanoTime();
                leaving.process.destroy();
                leaving.process.onExit().thenRun(() -> drainMillis.add((System.nanoTime() - stopped) / 1_000_000));
                PackagedServer joining = replica(shared, slots.get(REPLICAS + i), "replica-" + (REPLICAS + i + 1),
                        false);
                servers.add(joining);
                long ready = joining.waitUntilReady();
                balancer.awaitStatus(REPLICAS + i, "UP", Duration.ofSeconds(10));
                balancer.awaitStatus(i, "DOWN", Duration.ofSeconds(5));
                System.out.printf("Rolling restart: replica-%d replaced by replica-%d (ready in %d ms)%n", i + 1,
                        REPLICAS + i + 1, ready);
            }
            for (PackagedServer leaving : old) {
                assertThat(leaving.process.waitFor(60, TimeUnit.SECONDS)).as(leaving.name + " exits").isTrue();
                // 143: the JVM's status after SIGTERM once its shutdown hooks have run
                assertThat(leaving.process.exitValue()).as(leaving.name + " exit status").isIn(0, 143);
            }
            long rollingMillis = (System.nanoTime() - rollingStarted) / 1_000_000;
            long servedDuring = served.get() - servedBefore;
            Thread.sleep(3_000);
            loading = false;
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            assertThat(failures).as("failed requests while the replicas were replaced").isEmpty();
            assertJobsActedOncePerItem(db, servers, overdueBookings);
            assertSubscribersCaughtUp(db, feeds);

            Map<String, Map<String, String>> stats = balancer.stats();
            System.out.printf("Rolling restart of %d replicas under load in %d ms: %d requests served during it "
                    + "(%d in all), %d failed; HAProxy retried %s and redispatched %s, answered %s with 5xx%n",
                    REPLICAS, rollingMillis, servedDuring, served.get(), failures.size(),
                    stats.get("BACKEND").get("wretr"), stats.get("BACKEND").get("wredis"),
                    stats.get("BACKEND").get("hrsp_5xx"));
            System.out.printf("Replica drain (SIGTERM to exit): %s ms%n", drainMillis);
        } finally {
            loading = false;
            load.shutdownNow();
            feeds.forEach(IncidentFeed::close);
            for (PackagedServer server : servers) {
                server.close();
            }
            if (balancer != null) {
                balancer.close();
            }
            database.close();
            keycloak.stop();
        }
    }

    /** A replica as the chart runs it: readiness down on SIGTERM, serving on for the load balancer's checks. */
    private PackagedServer replica(Map<String, String> shared, int port, String name, boolean seed) throws Exception {
        Map<String, String> datasource = new HashMap<>(shared);
        datasource.put("linqin.embedded", String.valueOf(seed));
        return PackagedServer.startReplica(datasource, port, name, keycloakUrl, "-Xmx384m",
                "-Dquarkus.datasource.jdbc.max-size=8",
                // the chart's shutdown timeout; a delay longer than HAProxy takes to see readiness down (fall 2 x
                // inter 1 s, each check allowed 2 s on a busy machine)
                "-Dquarkus.shutdown.timeout=30s", "-Dquarkus.shutdown.delay=6s",
                // every replica runs the jobs every second, so they race for the same rows
                "-Dlinqin.jobs.interval=1s",
                // the load comes from four users at many requests a second; RateLimitIT tests the limits
                "-Dlinqin.rate-limit.requests-per-minute=1000000", "-Dlinqin.rate-limit.burst=100000");
    }

    private void assertMigratedOnce(Connection db) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery("select version, count(*), bool_and(success) "
                + "from flyway_schema_history where version is not null group by version")) {
            int versions = 0;
            while (rows.next()) {
                versions++;
                assertThat(rows.getInt(2)).as("migration " + rows.getString(1) + " applied once").isEqualTo(1);
                assertThat(rows.getBoolean(3)).as("migration " + rows.getString(1) + " succeeded").isTrue();
            }
            assertThat(versions).isGreaterThan(10);
        }
    }

    /** A room without approval, booked in half-hour slots on the two days after tomorrow, by the community admin. */
    private List<Long> bookRoomForTomorrowAndAfter() throws Exception {
        JsonNode places = graphql("community-admin", "{ community { places(first: 100) { edges { node { id kind } } } } }",
                Map.of());
        String place = null;
        for (JsonNode edge : places.at("/data/community/places/edges")) {
            if (edge.at("/node/kind").asText().equals("SERVICE_CENTRE")) {
                place = edge.at("/node/id").asText();
            }
        }
        StringBuilder hours = new StringBuilder();
        for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
            hours.append("{dayOfWeek: ").append(day).append(", opensAt: \"00:00\", closesAt: \"23:30\"} ");
        }
        String room = ok(graphql("community-admin", "mutation($p: ID!) { createRoom(input: {placeId: $p, "
                + "name: \"滚动重启测试室\", kind: MEETING, capacity: 30, openingHours: [" + hours + "], rules: "
                + "{noticeMinutes: 0, bufferMinutes: 0, approvalRequired: false, maxMinutes: 60, "
                + "weeklyQuotaMinutes: 10000}}) { id } }",
                Map.of("p", place))).at("/data/createRoom/id").asText();
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(2);
        List<Long> bookings = new ArrayList<>();
        for (int i = 0; i < BOOKINGS; i++) {
            LocalDateTime slot = day.plusDays(i / 30).atTime(8, 0).plusMinutes(30L * (i % 30));
            String starts = slot.atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
            String ends = slot.plusMinutes(30).atZone(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().toString();
            JsonNode booked = ok(graphql("community-admin", "mutation($r: ID!, $s: DateTime!, $e: DateTime!) { "
                    + "bookRoom(input: {roomId: $r, startsAt: $s, endsAt: $e, purpose: \"议事\", attendance: 5}) "
                    + "{ id state } }", Map.of("r", room, "s", starts, "e", ends)));
            assertThat(booked.at("/data/bookRoom/state").asText()).isEqualTo("APPROVED");
            bookings.add(booked.at("/data/bookRoom/id").asLong());
        }
        return bookings;
    }

    private void report() throws Exception {
        JsonNode answer = graphql("resident", "mutation($d: String!) { reportIncident(input: {category: \"safety\", "
                + "description: $d}) { id } }", Map.of("d", "滚动重启 " + System.nanoTime()));
        if (answer != null) {
            reported.add(answer.at("/data/reportIncident/id").asLong());
        }
    }

    private void read(String user, String query) throws Exception {
        graphql(user, query, Map.of());
    }

    /** Every two seconds, some incidents' deadlines and some bookings' times pass, for the jobs to race for. */
    private void clock(Connection db, List<Long> bookings, List<Long> overdueBookings) {
        try (PreparedStatement incidents = db.prepareStatement("update grid_incidents set level_deadline = now() "
                + "- interval '1 second' where id = any(?) and level = 1 returning id");
                PreparedStatement bookingsPassed = db.prepareStatement("update booking_bookings set starts_at = "
                        + "starts_at - interval '5 days', ends_at = ends_at - interval '5 days', blocked_until = "
                        + "blocked_until - interval '5 days' where id = any(?) and state = 'APPROVED'")) {
            int nextBooking = 0;
            while (loading) {
                Thread.sleep(2_000);
                List<Long> due = reported.stream().filter(id -> !overdue.contains(id)).limit(4).toList();
                incidents.setArray(1, db.createArrayOf("bigint", due.toArray()));
                try (ResultSet passed = incidents.executeQuery()) {
                    while (passed.next()) {
                        overdue.add(passed.getLong(1));
                    }
                }
                List<Long> pass = bookings.subList(nextBooking, Math.min(bookings.size(), nextBooking + 1));
                Array ids = db.createArrayOf("bigint", pass.toArray());
                bookingsPassed.setArray(1, ids);
                assertThat(bookingsPassed.executeUpdate()).isEqualTo(pass.size());
                overdueBookings.addAll(pass);
                nextBooking += pass.size();
            }
        } catch (Exception | AssertionError e) {
            failures.add("the clock stopped: " + e);
        }
    }

    private void assertJobsActedOncePerItem(Connection db, List<PackagedServer> servers, List<Long> overdueBookings)
            throws Exception {
        assertThat(overdue).as("incidents made overdue").hasSizeGreaterThan(20);
        assertThat(overdueBookings).as("bookings passed").hasSizeGreaterThan(10);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Map<Long, Integer> escalations;
        Map<Long, Integer> noShows;
        do {
            Thread.sleep(500);
            escalations = counts(db, "select incident_id, count(*) from grid_incident_events where action = "
                    + "'AUTO_ESCALATED' and incident_id = any(?) group by incident_id", List.copyOf(reported));
            noShows = counts(db, "select target_id::bigint, count(*) from audit_log where action = 'booking.no-show' "
                    + "and target_type = 'booking' and target_id = any(?::varchar[]) group by target_id",
                    overdueBookings.stream().map(String::valueOf).toList());
        } while ((escalations.size() < overdue.size() || noShows.size() < overdueBookings.size())
                && System.nanoTime() < deadline);
        assertThat(escalations.keySet()).as("escalated: the overdue incidents, no others").isEqualTo(overdue);
        assertThat(escalations.values()).as("each overdue incident escalated once").containsOnly(1);
        assertThat(noShows.keySet()).as("released as no-show").containsExactlyInAnyOrderElementsOf(overdueBookings);
        assertThat(noShows.values()).as("each passed booking released once").containsOnly(1);

        Map<String, int[]> byReplica = new HashMap<>();
        for (PackagedServer server : servers) {
            String log = Files.readString(server.log);
            byReplica.put(server.name, new int[] { sum(ESCALATED, log), sum(NO_SHOWS, log) });
        }
        int escalatedInLogs = byReplica.values().stream().mapToInt(c -> c[0]).sum();
        int releasedInLogs = byReplica.values().stream().mapToInt(c -> c[1]).sum();
        long escalatingReplicas = byReplica.values().stream().filter(c -> c[0] > 0).count();
        long releasingReplicas = byReplica.values().stream().filter(c -> c[1] > 0).count();
        StringBuilder split = new StringBuilder();
        byReplica.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> split.append(' ')
                .append(e.getKey()).append('=').append(e.getValue()[0]).append('/').append(e.getValue()[1]));
        System.out.printf("Jobs across replicas: %d incidents escalated and %d bookings released, each once; "
                + "by replica (escalated/released):%s%n", escalatedInLogs, releasedInLogs, split);
        assertThat(escalatedInLogs).as("escalations the replicas logged").isEqualTo(overdue.size());
        assertThat(releasedInLogs).as("no-shows the replicas logged").isEqualTo(overdueBookings.size());
        assertThat(escalatingReplicas).as("replicas that won an escalation race").isGreaterThanOrEqualTo(2);
        assertThat(releasingReplicas).as("replicas that won a no-show race").isGreaterThanOrEqualTo(2);
    }

    private void assertSubscribersCaughtUp(Connection db, List<IncidentFeed> feeds) throws Exception {
        Map<String, Integer> current = new HashMap<>();
        try (PreparedStatement versions = db.prepareStatement("select id, version from grid_incidents where id = any(?)")) {
            versions.setArray(1, db.createArrayOf("bigint", reported.toArray()));
            try (ResultSet rows = versions.executeQuery()) {
                while (rows.next()) {
                    current.put(String.valueOf(rows.getLong(1)), rows.getInt(2));
                }
            }
        }
        assertThat(current).hasSize(reported.size());
        List<Long> reconnects = new ArrayList<>();
        for (IncidentFeed feed : feeds) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!feed.versions().entrySet().containsAll(current.entrySet()) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Map<String, Integer> seen = feed.versions();
            Map<String, Integer> behind = new HashMap<>();
            current.forEach((id, version) -> {
                if (!version.equals(seen.get(id))) {
                    behind.put(id, seen.get(id));
                }
            });
            assertThat(feed.problems()).isEmpty();
            assertThat(behind).as("incidents whose last change a subscriber missed (id: version seen); the "
                    + "subscriber's connection: " + feed.history()).isEmpty();
            assertThat(feed.reconnectMillis()).as("every subscriber lost its replica at least once").isNotEmpty();
            reconnects.addAll(feed.reconnectMillis());
        }
        Collections.sort(reconnects);
        System.out.printf("Subscribers: %d, %d reconnects, subscribed again %d ms (median) after the loss, %d ms at most; "
                + "%d incidents reported, %d escalated, every last version seen by every subscriber%n", feeds.size(),
                reconnects.size(), reconnects.get(reconnects.size() / 2), reconnects.get(reconnects.size() - 1),
                reported.size(), overdue.size());
    }

    private static Map<Long, Integer> counts(Connection db, String sql, List<?> ids) throws Exception {
        Map<Long, Integer> counts = new HashMap<>();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            boolean text = sql.contains("varchar[]");
            statement.setArray(1, db.createArrayOf(text ? "varchar" : "bigint", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(rows.getLong(1), rows.getInt(2));
                }
            }
        }
        return counts;
    }

    private static int sum(Pattern pattern, String log) {
        int sum = 0;
        for (Matcher m = pattern.matcher(log); m.find();) {
            sum += Integer.parseInt(m.group(1));
        }
        return sum;
    }

    private interface Step {
        void run() throws Exception;
    }

    private void loop(Step step, long pauseMillis) {
        while (loading) {
            try {
                step.run();
                Thread.sleep(pauseMillis);
            } catch (InterruptedException stopped) {
                return;
            } catch (Exception e) {
                failures.add(e.toString());
            }
        }
    }

    /** One GraphQL request through the load balancer; counted as served, or recorded as a failure (null). */
    private JsonNode graphql(String user, String query, Map<String, Object> variables) throws Exception {
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(balancer.base + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(user))
                    .header("X-Community", COMMUNITY).timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("query", query,
                            "variables", variables))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            failures.add(user + ": " + e);
            return null;
        }
        JsonNode body = response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        if (body == null || body.has("errors")) {
            failures.add(user + ": " + response.statusCode() + " " + response.body());
            return null;
        }
        served.incrementAndGet();
        return body;
    }

    private JsonNode ok(JsonNode answer) {
        assertThat(answer).as("answered without errors: " + failures).isNotNull();
        return answer;
    }

    /**
     * The user's access token from Keycloak's password grant, fetched again after a minute (they live five), one
     * fetch at a time as a client shares its token: Keycloak's brute-force protection locks out a user whose logins
     * arrive together.
     */
    private synchronized String token(String user) {
        String[] cached = tokens.get(user);
        if (cached != null && System.nanoTime() - Long.parseLong(cached[1]) < Duration.ofMinutes(1).toNanos()) {
            return cached[0];
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(keycloakUrl
                    + "/realms/linqin/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=linqin-test&username="
                            + user + "&password=linqin"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            if (!answer.hasNonNull("access_token")) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            String token = answer.get("access_token").asText();
            tokens.put(user, new String[] { token, String.valueOf(System.nanoTime()) });
            return token;
        } catch (Exception e) {
            throw new IllegalStateException("no token for " + user, e);
        }
    }
}
