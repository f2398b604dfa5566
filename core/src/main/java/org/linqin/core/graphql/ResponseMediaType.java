package org.linqin.core.graphql;

import java.util.Locale;
import java.util.Optional;

/**
 * The media type of a GraphQL response, chosen from the request's {@code Accept} header as the GraphQL-over-HTTP
 * specification asks: {@code application/graphql-response+json} or {@code application/json}, by quality value and,
 * for a range such as {@code application/*}, by its most specific match (RFC 9110, 12.5.1). No header, an empty one
 * or a bare wildcard means {@code application/json}; two types named with the same quality give the newer
 * {@code application/graphql-response+json}. Responses are UTF-8 only, so a range asking another charset does not
 * match.
 */
public final class ResponseMediaType {

    public static final String GRAPHQL_RESPONSE_JSON = "application/graphql-response+json";
    public static final String JSON = "application/json";

    private ResponseMediaType() {
    }

    /** The type to answer with, or empty when the client accepts neither (HTTP 406). */
    public static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(JSON);
        }
        Preference graphql = preference(accept, GRAPHQL_RESPONSE_JSON);
        Preference json = preference(accept, JSON);
        if (graphql.quality() <= 0 && json.quality() <= 0) {
            return Optional.empty();
        }
        if (graphql.quality() != json.quality()) {
            return Optional.of(graphql.quality() > json.quality() ? GRAPHQL_RESPONSE_JSON : JSON);
        }
        if (graphql.specificity() != json.specificity()) {
            return Optional.of(graphql.specificity() > json.specificity() ? GRAPHQL_RESPONSE_JSON : JSON);
        }
        return Optional.of(graphql.specificity() == Preference.EXACT ? GRAPHQL_RESPONSE_JSON : JSON);
    }

    /** Quality and specificity of the most specific range of {@code accept} that matches {@code type}. */
    private record Preference(double quality, int specificity) {
        static final int EXACT = 2;
        static final Preference NONE = new Preference(0, -1);
    }

    private static Preference preference(String accept, String type) {
        String[] wanted = type.split("/");
        Preference best = Preference.NONE;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String[] name = parts[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (name.length != 2) {
                continue;
            }
            int specificity;
            if (name[0].equals(wanted[0]) && name[1].equals(wanted[1])) {
                specificity = Preference.EXACT;
            } else if (name[0].equals(wanted[0]) && name[1].equals("*")) {
                specificity = 1;
            } else if (name[0].equals("*") && name[1].equals("*")) {
                specificity = 0;
            } else {
                continue;
            }
            Double quality = 1.0;
            for (int i = 1; i < parts.length && quality != null; i++) {
                String[] parameter = parts[i].trim().split("=", 2);
                String key = parameter[0].trim().toLowerCase(Locale.ROOT);
                String value = parameter.length == 2 ? parameter[1].trim().replace("\"", "") : "";
                if (key.equals("q")) {
                    quality = quality(value);
                } else if (key.equals("charset") && !value.equalsIgnoreCase("utf-8")) {
                    quality = null;
                }
            }
            if (quality != null && specificity > best.specificity()) {
                best = new Preference(quality, specificity);
            }
        }
        return best;
    }

    /** A quality value (0 to 1, at most three decimals), or null when it is not one: the range is then ignored. */
    private static Double quality(String value) {
        if (!value.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return null;
        }
        return Double.parseDouble(value);
    }
}
