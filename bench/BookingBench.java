import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Booking throughput against a running server (embedded profile): non-conflicting bookings, then the conflict path
 * (every request for one taken slot). Run by bench/booking.sh; arguments: base URL, requests, concurrency.
 */
public class BookingBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        int requests = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        String token = find(post(base + "/dev/token", "application/x-www-form-urlencoded", "username=community-admin", null),
                "\"access_token\":\"([^\"]+)\"");
        String places = gql(base, token, "{ community { places(first: 100) { edges { node { id kind } } } } }");
        String centre = find(places, "\"id\":\"(\\d+)\",\"kind\":\"SERVICE_CENTRE\"");
        StringBuilder hours = new StringBuilder();
        for (String day : new String[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY" }) {
            hours.append("{dayOfWeek: ").append(day).append(", opensAt: \\\"00:00\\\", closesAt: \\\"23:30\\\"} ");
        }
        String room = find(gql(base, token, "mutation { createRoom(input: {placeId: " + centre + ", name: \\\"压测室-"
                + System.nanoTime() + "\\\", kind: OTHER, capacity: 50, openingHours: [" + hours + "], rules: "
                + "{noticeMinutes: 0, aheadDays: 3650, bufferMinutes: 0, slotMinutes: 30, minMinutes: 30, maxMinutes: 60}}) { id } }"),
                "\"id\":\"(\\d+)\"");
        LocalDate first = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);

        run("warm-up (not counted)", Math.min(200, requests), concurrency, i -> booking(base, token, room, first.plusDays(3000), i));
        run("non-conflicting bookings", requests, concurrency, i -> booking(base, token, room, first, i));
        run("conflict path (one taken slot)", requests, concurrency, i -> booking(base, token, room, first, 0));
    }

    interface Call {
        String call(int i) throws Exception;
    }

    static void run(String name, int requests, int concurrency, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        List<Future<long[]>> results = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int n = i;
            results.add(pool.submit(() -> {
                long t = System.nanoTime();
                String body = call.call(n);
                long kind = body.contains("\"errors\"") ? (body.contains("CONFLICT") ? 1 : 2) : 0;
                return new long[] { System.nanoTime() - t, kind };
            }));
        }
        List<Long> latencies = new ArrayList<>();
        int[] kinds = new int[3];
        for (Future<long[]> result : results) {
            long[] r = result.get();
            latencies.add(r[0]);
            kinds[(int) r[1]]++;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.shutdown();
        Collections.sort(latencies);
        System.out.printf("%s: %d requests, concurrency %d, %.1f s, %.0f requests/s; booked %d, CONFLICT %d, other %d;"
                + " latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n", name, requests, concurrency, seconds,
                requests / seconds, kinds[0], kinds[1], kinds[2], pct(latencies, 50), pct(latencies, 95),
                pct(latencies, 99));
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    /** Slot i: 30 minutes, 46 slots a day from 00:00, day after day. */
    static String booking(String base, String token, String room, LocalDate first, int i) throws Exception {
        LocalDate day = first.plusDays(i / 46);
        int minute = (i % 46) * 30;
        String start = String.format("%sT%02d:%02d:00+08:00", day, minute / 60, minute % 60);
        String end = String.format("%sT%02d:%02d:00+08:00", day, (minute + 30) / 60, (minute + 30) % 60);
        return gql(base, token, "mutation { bookRoom(input: {roomId: " + room + ", startsAt: \\\"" + start
                + "\\\", endsAt: \\\"" + end + "\\\", purpose: \\\"bench\\\", attendance: 5}) { id } }");
    }

    static String gql(String base, String token, String query) throws Exception {
        return post(base + "/graphql", "application/json", "{\"query\":\"" + query + "\"}", token);
    }

    static String post(String url, String type, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return m.group(1);
    }
}
