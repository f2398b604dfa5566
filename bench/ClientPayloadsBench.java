import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a client sends and receives for the example queries of graphql-schema/examples (those without required
 * variables), as community-admin of the demo community: request bytes with the whole document and with an automatic
 * persisted query (POST body; GET address), and answer bytes plain, gzip and brotli. Run by
 * bench/client-payloads.sh; argument: base URL.
 */
public class ClientPayloadsBench {

    static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = find(send(HttpRequest.newBuilder(URI.create(base + "/dev/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=community-admin")).build()).body(),
                "\"access_token\":\"([^\"]+)\"");
        System.out.printf("%-24s %9s %9s %9s | %9s %9s %9s%n", "operation", "POST doc", "POST apq", "GET apq",
                "plain", "gzip", "br");
        long[] sums = new long[6];
        int count = 0;
        try (Stream<Path> files = Files.list(Path.of("graphql-schema", "examples"))) {
            for (Path file : files.sorted().toList()) {
                for (String[] operation : queriesWithoutRequiredVariables(Files.readString(file))) {
                    String name = operation[0];
                    String document = operation[1];
                    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(document.getBytes(StandardCharsets.UTF_8)));
                    String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
                    String full = "{\"query\":" + quote(document) + ",\"operationName\":\"" + name + "\"}";
                    String registering = "{\"query\":" + quote(document) + ",\"operationName\":\"" + name
                            + "\",\"extensions\":" + extensions + "}";
                    String byHash = "{\"operationName\":\"" + name + "\",\"extensions\":" + extensions + "}";
                    String getAddress = base + "/graphql?operationName=" + name + "&extensions="
                            + URLEncoder.encode(extensions, StandardCharsets.UTF_8);
                    post(base, token, registering, "identity");
                    HttpResponse<byte[]> plain = post(base, token, full, "identity");
                    String text = new String(plain.body(), StandardCharsets.UTF_8);
                    if (text.contains("\"errors\"")) {
                        System.out.printf("%-24s skipped: %s%n", name, text.substring(0, Math.min(120, text.length())));
                        continue;
                    }
                    HttpResponse<byte[]> persisted = post(base, token, byHash, "identity");
                    if (!new String(persisted.body(), StandardCharsets.UTF_8).equals(text)) {
                        throw new AssertionError(name + ": the persisted query answered differently");
                    }
                    long gzip = post(base, token, full, "gzip").body().length;
                    long br = post(base, token, full, "br").body().length;
                    long[] row = { full.length(), byHash.length(), getAddress.length() - base.length(),
                            plain.body().length, gzip, br };
                    System.out.printf("%-24s %9d %9d %9d | %9d %9d %9d%n", name, row[0], row[1], row[2], row[3],
                            row[4], row[5]);
                    for (int i = 0; i < row.length; i++) {
                        sums[i] += row[i];
                    }
                    count++;
                }
            }
        }
        System.out.printf("%-24s %9d %9d %9d | %9d %9d %9d   (%d operations; GET counts path and query only)%n",
                "total", sums[0], sums[1], sums[2], sums[3], sums[4], sums[5], count);
    }

    /** Operation name and text of each query whose variables are all optional. */
    static List<String[]> queriesWithoutRequiredVariables(String text) {
        List<String[]> operations = new ArrayList<>();
        Matcher start = Pattern.compile("(?m)^query\\s+(\\w+)\\s*(\\([^)]*\\))?").matcher(text);
        while (start.find()) {
            if (start.group(2) != null && start.group(2).contains("!")) {
                continue;
            }
            int depth = 0;
            int end = text.indexOf('{', start.end());
            do {
                char c = text.charAt(end++);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            } while (depth > 0);
            operations.add(new String[] { start.group(1), text.substring(start.start(), end) });
        }
        return operations;
    }

    static HttpResponse<byte[]> post(String base, String token, String body, String encoding) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("X-Community", "changqing-6").header("Accept-Encoding", encoding)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new AssertionError("no " + regex + " in " + text);
        }
        return m.group(1);
    }
}
