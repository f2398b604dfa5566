import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An event opening against a running server (embedded profile), run by bench/event-opening.sh: an organiser
 * (community-admin) drafts a cultural event with one sub-event and one ticket kind whose quota is the places, waiting
 * list on, and publishes it; then every registrant registers at the same moment, each with their own token, at most
 * "in flight" requests outstanding. Prints wall time from the release to the last answer, registrations/s, latency
 * percentiles and the outcomes, then checks the sign-up list in SQL (psql, through the PG* variables) and exits
 * non-zero when a check fails: the list's confirmed count never over capacity and equal to the places taken, exactly
 * that many CONFIRMED sign-ups, the rest WAITING, no person twice, and SQL agreeing with the answers.
 * Arguments: base URL, community, the registrants' name prefix (people rows with a subject, loaded by the script),
 * registrants, places, in flight, the development issuer's private key (PKCS#8 PEM).
 */
public class EventOpeningBench {

    /** HTTP/1.1, as curl and browsers speak over plain http; BENCH_HTTP=2 uses HTTP/2 (an h2c upgrade). */
    static final boolean HTTP2 = "2".equals(System.getenv("BENCH_HTTP"));
    static final HttpClient HTTP = HTTP2 ? HttpClient.newHttpClient()
            : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final int WARM_UP = Integer.parseInt(System.getenv().getOrDefault("BENCH_WARMUP", "100"));
    static final int WARM_UP_IN_FLIGHT = 16;
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String CREATE = "mutation($in: CulturalEventInput!) { createCulturalEvent(input: $in) { id"
            + " subEvents { id ticketKinds { id quota } } } }";
    static final String PUBLISH = "mutation($id: ID!) { publishCulturalEvent(id: $id, announce: false) { id state } }";
    static final String REGISTER = "mutation($in: EventRegistrationInput!) { registerForCulturalEvent(input: $in)"
            + " { id state } }";
    static final String MINE = "{ myCulturalEventRegistrations(first: 1) { totalCount } }";
    static final String ENABLE = "mutation($c: String!, $m: String!) { enableModule(community: $c, module: $m)"
            + " { enabled } }";

    static String base;
    static String community;

    public static void main(String[] args) throws Exception {
        base = args[0];
        community = args[1];
        String prefix = args[2];
        int registrants = Integer.parseInt(args[3]);
        int places = Integer.parseInt(args[4]);
        int inFlight = Math.max(1, Math.min(Integer.parseInt(args[5]), registrants));
        Path keyFile = Path.of(args[6]);

        // the module, enabled by the demo data; a platform admin enables it where it is not
        if (!"t".equals(psql("select coalesce(bool_or(enabled), false) from module_enablements"
                + " where community_code = '" + community + "' and module_id = 'cultural-event'"))) {
            gql(devToken("admin"), ENABLE, "{\"c\":\"" + community + "\",\"m\":\"cultural-event\"}");
            System.out.println("cultural-event module enabled in " + community + " by the platform admin");
        }
        String organiser = devToken("community-admin");

        // the registrants: people of the community with a subject, one token each (not timed)
        List<String[]> people = new ArrayList<>();
        for (String line : psql("select subject || E'\\t' || name from people where community_code = '" + community
                + "' and subject is not null and name like '" + prefix + "%' order by name").split("\n")) {
            if (!line.isBlank()) {
                people.add(line.split("\t"));
            }
        }
        if (people.size() != registrants) {
            fail(people.size() + " people named " + prefix + "… with a subject in " + community + ", expected "
                    + registrants);
        }
        long t = System.nanoTime();
        TokenMaker tokens = new TokenMaker(devToken("resident"), Files.readString(keyFile));
        List<String> registrantTokens = new ArrayList<>();
        for (String[] person : people) {
            registrantTokens.add(tokens.tokenFor(person[0], person[1]));
        }
        System.out.printf("%d registrant tokens made in %.1f s (not timed), group %s%n", registrants,
                (System.nanoTime() - t) / 1e9, tokens.group);
        // each token reaches the registrant's own record (the first and the last checked)
        for (String token : List.of(registrantTokens.get(0), registrantTokens.get(registrants - 1))) {
            gql(token, MINE, "{}");
        }

        if (WARM_UP > 0) {
            int n = Math.min(WARM_UP, registrants);
            Event warmUp = createEvent(organiser, "压测热身 " + System.currentTimeMillis(), Math.max(1, n / 2));
            Run run = register(warmUp, registrantTokens.subList(0, n), Math.min(WARM_UP_IN_FLIGHT, n));
            System.out.printf("warm-up (not counted): %d registrations for %d places on another event, %d in flight,"
                    + " %.1f s; %s%n", n, Math.max(1, n / 2), Math.min(WARM_UP_IN_FLIGHT, n), run.wallNanos / 1e9,
                    run.outcomes);
        }

        Event event = createEvent(organiser, "邻亲邻里文化节 开幕式 " + System.currentTimeMillis(), places);
        Run run = register(event, registrantTokens, inFlight);
        report(event, run, registrants, places, inFlight);
    }

    // --- the event

    record Event(String id, String subEventId, String ticketKindId) {
    }

    static Event createEvent(String organiser, String title, int places) throws Exception {
        LocalDate day = LocalDate.now(ZONE).plusDays(14);
        String startsAt = day.atTime(9, 0).atZone(ZONE).toOffsetDateTime().toString();
        String endsAt = day.atTime(11, 0).atZone(ZONE).toOffsetDateTime().toString();
        String input = "{\"in\":{\"title\":\"" + title + "\",\"category\":\"FESTIVAL\",\"visibility\":\"MEMBERS\","
                + "\"waitingList\":true,\"subEvents\":[{\"title\":\"开幕式\",\"startsAt\":\"" + startsAt + "\","
                + "\"endsAt\":\"" + endsAt + "\",\"venueName\":\"小区中心花园\",\"ticketKinds\":[{\"name\":\"普通\","
                + "\"quota\":" + places + ",\"maxPartySize\":1}]}]}}";
        String created = gql(organiser, CREATE, input);
        String id = find(created, "\"createCulturalEvent\":\\{\"id\":\"(\\d+)\"");
        String subEvent = find(created, "\"subEvents\":\\[\\{\"id\":\"(\\d+)\"");
        String ticketKind = find(created, "\"ticketKinds\":\\[\\{\"id\":\"(\\d+)\"");
        String published = gql(organiser, PUBLISH, "{\"id\":\"" + id + "\"}");
        if (!published.contains("\"PUBLISHED\"")) {
            fail("event " + id + " not published: " + published);
        }
        return new Event(id, subEvent, ticketKind);
    }

    // --- the registrations

    /** What one registration got: CONFIRMED, WAITING or another state, or code/reason of the error. */
    record Answer(String outcome, long nanos) {
    }

    record Run(long wallNanos, List<Answer> answers, Map<String, Integer> outcomes) {
    }

    /**
     * Every token registers once. The requests are built first; then they are released together, at most
     * {@code inFlight} outstanding. Latency runs from a request's send to its answer; wall time from the release to
     * the last answer.
     */
    static Run register(Event event, List<String> tokens, int inFlight) throws Exception {
        String body = json(REGISTER, "{\"in\":{\"subEventId\":\"" + event.subEventId + "\",\"ticketKindId\":\""
                + event.ticketKindId + "\",\"partySize\":1}}");
        List<HttpRequest> requests = new ArrayList<>();
        for (String token : tokens) {
            requests.add(request(token, body));
        }
        Answer[] answers = new Answer[requests.size()];
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        long release = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            slots.acquire();
            int n = i;
            long sent = System.nanoTime();
            done.add(HTTP.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        answers[n] = new Answer(outcome(response, failure), System.nanoTime() - sent);
                        slots.release();
                        return null;
                    }));
        }
        CompletableFuture.allOf(done.toArray(CompletableFuture[]::new)).join();
        long wall = System.nanoTime() - release;
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Answer answer : answers) {
            outcomes.merge(answer.outcome, 1, Integer::sum);
        }
        return new Run(wall, Arrays.asList(answers), outcomes);
    }

    static String outcome(HttpResponse<String> response, Throwable failure) {
        if (failure != null) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return "error " + cause.getClass().getSimpleName();
        }
        String body = response.body();
        if (body.contains("\"errors\"")) {
            Matcher code = Pattern.compile("\"code\":\"([A-Z_]+)\"").matcher(body);
            Matcher reason = Pattern.compile("\"reason\":\"([A-Z_]+)\"").matcher(body);
            return "error " + (code.find() ? code.group(1) : "HTTP " + response.statusCode())
                    + (reason.find() ? "/" + reason.group(1) : "");
        }
        Matcher state = Pattern.compile("\"state\":\"([A-Z_]+)\"").matcher(body);
        return state.find() ? state.group(1) : "error HTTP " + response.statusCode() + " without a state";
    }

    // --- the report and the checks

    static void report(Event event, Run run, int registrants, int places, int inFlight) throws Exception {
        List<Long> latencies = new ArrayList<>();
        run.answers.forEach(a -> latencies.add(a.nanos));
        latencies.sort(null);
        double seconds = run.wallNanos / 1e9;
        int confirmed = run.outcomes.getOrDefault("CONFIRMED", 0);
        int waiting = run.outcomes.getOrDefault("WAITING", 0);
        int errors = registrants - confirmed - waiting;
        System.out.printf("event opening: %d registrants for %d places (waiting list on), %d in flight, %s%n",
                registrants, places, inFlight, HTTP2 ? "HTTP/2" : "HTTP/1.1");
        System.out.printf("  %.2f s from the release to the last answer, %.0f registrations/s; latency p50 %.0f ms,"
                + " p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", seconds, registrants / seconds, pct(latencies, 50),
                pct(latencies, 95), pct(latencies, 99), latencies.get(latencies.size() - 1) / 1e6);

        // the sign-up list behind the ticket kind, as the database holds it
        String[] list = psql("select l.id || ' ' || l.capacity || ' ' || l.confirmed from event_ticket_kinds k"
                + " join sign_up_lists l on l.id = k.list_id where k.id = " + event.ticketKindId).split(" ");
        String listId = list[0];
        int capacity = Integer.parseInt(list[1]);
        int listConfirmed = Integer.parseInt(list[2]);
        Map<String, Integer> rows = new TreeMap<>();
        for (String line : psql("select state || ' ' || count(*) from sign_ups where list_id = " + listId
                + " group by state").split("\n")) {
            if (!line.isBlank()) {
                rows.put(line.split(" ")[0], Integer.parseInt(line.split(" ")[1]));
            }
        }
        int sqlConfirmed = rows.getOrDefault("CONFIRMED", 0);
        int sqlWaiting = rows.getOrDefault("WAITING", 0);
        int seatsConfirmed = Integer.parseInt(psql("select coalesce(sum(seats), 0) from sign_ups where list_id = "
                + listId + " and state in ('CONFIRMED', 'OFFERED')"));
        int twiceInList = Integer.parseInt(psql("select count(*) - count(distinct person_id) from sign_ups"
                + " where list_id = " + listId));
        String[] registered = psql("select count(*) || ' ' || count(distinct person_id) from event_registrations"
                + " where sub_event_id = " + event.subEventId).split(" ");
        int registrations = Integer.parseInt(registered[0]);
        int twiceRegistered = registrations - Integer.parseInt(registered[1]);
        String inOrder = psql("select coalesce(max(signed_up_at) filter (where state = 'CONFIRMED')"
                + " <= min(signed_up_at) filter (where state = 'WAITING'), true) from sign_ups where list_id = " + listId);

        int expectConfirmed = Math.min(places, registrants);
        System.out.printf("  %-38s %9s %9s %9s%n", "", "answers", "SQL", "expected");
        row("CONFIRMED", confirmed, sqlConfirmed, expectConfirmed);
        row("WAITING", waiting, sqlWaiting, registrants - expectConfirmed);
        run.outcomes.forEach((outcome, count) -> {
            if (!outcome.equals("CONFIRMED") && !outcome.equals("WAITING")) {
                row(outcome, count, null, 0);
            }
        });
        rows.forEach((state, count) -> {
            if (!state.equals("CONFIRMED") && !state.equals("WAITING")) {
                row("sign-ups " + state, null, count, 0);
            }
        });
        row("registrations of the sub-event", confirmed + waiting, registrations, registrants);
        row("list's confirmed count (capacity " + capacity + ")", null, listConfirmed, expectConfirmed);
        row("people twice in the list", null, twiceInList, 0);
        row("people registered twice", null, twiceRegistered, 0);
        System.out.printf("  every CONFIRMED signed up before the first WAITING: %s%n", "t".equals(inOrder) ? "yes"
                : "no");

        List<String> failed = new ArrayList<>();
        check(failed, capacity == places, "the list's capacity is " + capacity + ", not the " + places + " places");
        check(failed, listConfirmed <= capacity, "over capacity: " + listConfirmed + " confirmed of " + capacity);
        check(failed, listConfirmed == seatsConfirmed, "the list counts " + listConfirmed + " confirmed, its"
                + " sign-ups hold " + seatsConfirmed + " seats");
        check(failed, sqlConfirmed == expectConfirmed, sqlConfirmed + " CONFIRMED sign-ups, expected "
                + expectConfirmed);
        check(failed, sqlWaiting == registrants - expectConfirmed, sqlWaiting + " WAITING sign-ups, expected "
                + (registrants - expectConfirmed));
        check(failed, twiceInList == 0 && twiceRegistered == 0, "a person twice: " + twiceInList
                + " in the list, " + twiceRegistered + " among the registrations");
        check(failed, confirmed == sqlConfirmed && waiting == sqlWaiting, "the answers (" + confirmed
                + " CONFIRMED, " + waiting + " WAITING) differ from SQL (" + sqlConfirmed + ", " + sqlWaiting + ")");
        check(failed, errors == 0, errors + " registrations answered with an error");
        check(failed, registrations == confirmed + waiting, registrations + " registrations in SQL, "
                + (confirmed + waiting) + " answered");
        if (!failed.isEmpty()) {
            failed.forEach(f -> System.err.println("FAILED " + f));
            System.exit(1);
        }
        System.out.println("  checked: never over capacity, " + sqlConfirmed + " CONFIRMED = places, " + sqlWaiting
                + " WAITING, no person twice, SQL = answers");
    }

    static void row(String name, Integer answers, Integer sql, Integer expected) {
        System.out.printf("  %-38s %9s %9s %9s%n", name, answers == null ? "-" : answers, sql == null ? "-" : sql,
                expected == null ? "-" : expected);
    }

    static void check(List<String> failed, boolean holds, String otherwise) {
        if (!holds) {
            failed.add(otherwise);
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    // --- tokens

    /**
     * Tokens for people who are no demo users, shaped and signed as the development issuer (DevIssuer) shapes and
     * signs them: a demo resident's token is the template, with the subject, user name, name and token id replaced.
     * The template's groups (the resident role in the community) and expiry stay.
     */
    static final class TokenMaker {

        final String header;
        final String claims;
        final String group;
        final PrivateKey key;

        TokenMaker(String template, String pem) throws Exception {
            String[] parts = template.split("\\.");
            header = parts[0];
            claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
            group = "/communities/" + community + "/resident";
            if (!claims.contains("\"" + group + "\"")) {
                fail("the demo resident's token has no group " + group + ": " + claims);
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder()
                    .decode(base64)));
        }

        String tokenFor(String subject, String name) throws Exception {
            String payload = replace(claims, "sub", subject, true);
            payload = replace(payload, "preferred_username", "bench-" + subject.substring(0, 8), true);
            payload = replace(payload, "name", name, false);
            payload = replace(payload, "jti", UUID.randomUUID().toString(), false);
            String signed = header + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(key);
            rs256.update(signed.getBytes(StandardCharsets.US_ASCII));
            return signed + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        }

        static String replace(String claims, String claim, String value, boolean required) {
            Matcher m = Pattern.compile("\"" + claim + "\"\\s*:\\s*\"[^\"]*\"").matcher(claims);
            if (!m.find()) {
                if (required) {
                    fail("the demo resident's token has no claim " + claim + ": " + claims);
                }
                return claims;
            }
            return claims.substring(0, m.start()) + "\"" + claim + "\":\"" + value + "\"" + claims.substring(m.end());
        }
    }

    static String devToken(String username) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username)).build();
        return find(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body(),
                "\"access_token\":\"([^\"]+)\"");
    }

    // --- HTTP and SQL

    static String json(String query, String variables) {
        return "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
    }

    static HttpRequest request(String token, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/graphql")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("X-Community", community)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    /** A query with variables; an answer with errors stops the bench, naming query and answer. */
    static String gql(String token, String query, String variables) throws Exception {
        String body = json(query, variables);
        String answer = HTTP.send(request(token, body), HttpResponse.BodyHandlers.ofString()).body();
        if (answer.contains("\"errors\"")) {
            fail("error answer to " + body + ":\n" + answer);
        }
        return answer;
    }

    /** One statement through psql (connection from the PG* variables), its rows as text. */
    static String psql(String statement) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("psql", "-qtAX", "-v", "ON_ERROR_STOP=1", "-c", statement)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            fail("psql failed on: " + statement);
        }
        return out;
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return m.group(1);
    }

    static void fail(String message) {
        System.err.println("FAILED " + message);
        System.exit(1);
    }
}
