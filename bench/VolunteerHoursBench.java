import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volunteer-team reports against a running server (embedded profile) holding a year of hours (loaded by
 * bench/volunteer-hours.sh): the hours report for all volunteers walked page by page as a community admin, each
 * team's statistics, one person's service record. Checks the report against the sum computed in SQL and exits
 * non-zero when it differs. Arguments: base URL, from, to (exclusive), expected verified hours, team ids
 * (comma-separated), a person id, walks.
 */
public class VolunteerHoursBench {

    /** HTTP/1.1, as curl and browsers speak over plain http; BENCH_HTTP=2 uses HTTP/2 (an h2c upgrade). */
    static final HttpClient HTTP = "2".equals(System.getenv("BENCH_HTTP")) ? HttpClient.newHttpClient()
            : HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final String REPORT = "query($f: Date!, $t: Date!, $after: String) { volunteerHoursReport(from: $f, to: $t,"
            + " first: 100, after: $after) { totalCount pageInfo { hasNextPage endCursor }"
            + " edges { node { personId verifiedHours backfilledHours } } } }";
    static final String TEAM = "query($team: ID!, $f: Date!, $t: Date!) { volunteerTeamStatistics(teamId: $team, from: $f,"
            + " to: $t) { shifts activeVolunteers verifiedHours } }";
    static final String RECORD = "query($person: ID!, $f: Date!, $t: Date!) { volunteerServiceRecord(personId: $person,"
            + " from: $f, to: $t) { verifiedHours months { month verifiedHours } } }";
    static final int WARM_UP_WALKS = 2;
    static final int RECORD_CALLS = 20;

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String from = args[1];
        String to = args[2];
        double expected = Double.parseDouble(args[3]);
        String[] teams = args[4].split(",");
        String person = args[5];
        int walks = Integer.parseInt(args[6]);
        String token = find(post(base + "/dev/token", "application/x-www-form-urlencoded", "username=community-admin", null),
                "\"access_token\":\"([^\"]+)\"");
        String period = "\"f\":\"" + from + "\",\"t\":\"" + to + "\"";

        // the hours report, all pages
        Walk walk = null;
        for (int i = 0; i < WARM_UP_WALKS; i++) {
            walk = walk(base, token, period);
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < walks; i++) {
            long t = System.nanoTime();
            walk = walk(base, token, period);
            times.add(System.nanoTime() - t);
        }
        System.out.printf("a year's hours for %d volunteers (%d pages of 100), %d walks after %d warm-up: %s%n",
                walk.people, walk.pages, walks, WARM_UP_WALKS, stats(times));
        if (walk.totalCount < 1000 || walk.people != walk.totalCount) {
            fail("report: totalCount " + walk.totalCount + ", " + walk.people + " people on the pages; expected at "
                    + "least 1000 and the same number");
        }
        if (Math.abs(walk.verifiedHours - expected) > 0.01) {
            fail(String.format("report: %.4f verified hours summed over the pages, %.4f in SQL", walk.verifiedHours,
                    expected));
        }
        System.out.printf("  checked: totalCount %d, %.2f verified hours = SQL%n", walk.totalCount, walk.verifiedHours);

        // one person's service record (the first few calls warm up)
        times.clear();
        String record = null;
        for (int i = 0; i < RECORD_CALLS + 5; i++) {
            long t = System.nanoTime();
            record = gql(base, token, RECORD, "{\"person\":\"" + person + "\"," + period + "}");
            if (i >= 5) {
                times.add(System.nanoTime() - t);
            }
        }
        int months = count(record, "\"month\":");
        if (months < 12) {
            fail("service record: " + months + " months, expected 12 or 13: " + record);
        }
        System.out.printf("one volunteer's service record for a year (%d months, %s verified hours), %d calls: %s%n",
                months, find(record, "\"verifiedHours\":([-0-9.eE]+)"), RECORD_CALLS, stats(times));

        // one team's statistics, one call per team
        times.clear();
        double teamHours = 0;
        for (String team : teams) {
            long t = System.nanoTime();
            String body = gql(base, token, TEAM, "{\"team\":\"" + team + "\"," + period + "}");
            times.add(System.nanoTime() - t);
            teamHours += Double.parseDouble(find(body, "\"verifiedHours\":([-0-9.eE]+)"));
            int active = Integer.parseInt(find(body, "\"activeVolunteers\":(\\d+)"));
            if (active != 100) {
                fail("team " + team + ": " + active + " active volunteers, expected 100: " + body);
            }
        }
        System.out.printf("one team's statistics for a year (100 volunteers, ~10,000 entries), one call per team, %d"
                + " teams: %s; %.2f verified hours in all%n", teams.length, stats(times), teamHours);
    }

    record Walk(int totalCount, int pages, int people, double verifiedHours) {
    }

    static Walk walk(String base, String token, String period) throws Exception {
        String after = null;
        int pages = 0;
        int people = 0;
        int totalCount = 0;
        double hours = 0;
        while (true) {
            String body = gql(base, token, REPORT,
                    "{" + period + ",\"after\":" + (after == null ? "null" : "\"" + after + "\"") + "}");
            pages++;
            totalCount = Integer.parseInt(find(body, "\"totalCount\":(\\d+)"));
            Matcher m = Pattern.compile("\"verifiedHours\":([-0-9.eE]+)").matcher(body);
            while (m.find()) {
                people++;
                hours += Double.parseDouble(m.group(1));
            }
            if (!find(body, "\"hasNextPage\":(true|false)").equals("true")) {
                return new Walk(totalCount, pages, people, hours);
            }
            after = find(body, "\"endCursor\":\"([^\"]+)\"");
            if (pages > 10_000) {
                fail("report: more than 10,000 pages");
            }
        }
    }

    static String stats(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return String.format("min %.1f ms, median %.1f ms, max %.1f ms", sorted.get(0) / 1e6,
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
    }

    static int count(String text, String literal) {
        int n = 0;
        for (int i = text.indexOf(literal); i >= 0; i = text.indexOf(literal, i + 1)) {
            n++;
        }
        return n;
    }

    static void fail(String message) {
        System.err.println("FAILED " + message);
        System.exit(1);
    }

    /** A query with variables; an answer with errors stops the bench, naming query and answer. */
    static String gql(String base, String token, String query, String variables) throws Exception {
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\",\"variables\":" + variables + "}";
        String answer = post(base + "/graphql", "application/json", body, token);
        if (answer.contains("\"errors\"")) {
            fail("error answer to " + body + ":\n" + answer);
        }
        return answer;
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
