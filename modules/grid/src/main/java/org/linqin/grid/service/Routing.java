package org.linqin.grid.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.linqin.core.i18n.Msg;
import org.linqin.core.security.Roles;

/**
 * The routing setting read: {@code category=role[@unitId]} pairs separated by commas, e.g.
 * {@code safety=grid-worker,fire-hazard=property-staff@42}. Unknown categories go to {@link #FALLBACK_ROLE}.
 */
public record Routing(Map<String, Route> routes) {

    public static final String FALLBACK_ROLE = "community-admin";

    /** Where one category goes. */
    public record Route(String role, Long unitId) {
    }

    public static Routing parse(String setting) {
        Map<String, Route> routes = new LinkedHashMap<>();
        for (String pair : setting.split(",")) {
            String[] parts = pair.trim().split("=", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                continue;
            }
            String[] target = parts[1].trim().split("@", 2);
            Long unit = null;
            if (target.length == 2) {
                try {
                    unit = Long.parseLong(target[1].trim());
                } catch (NumberFormatException e) {
                    unit = null;
                }
            }
            routes.put(parts[0].trim(), new Route(target[0].trim(), unit));
        }
        return new Routing(routes);
    }

    /**
     * What is wrong with a routing setting against the categories in force: every pair must read
     * {@code category=role[@unitId]} with a category of {@code categories}, a community role and a numeric unit id.
     */
    public static List<Msg> problems(String setting, Collection<String> categories) {
        List<Msg> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String pair : setting.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            Matcher m = PAIR.matcher(pair.trim());
            if (!m.matches()) {
                problems.add(Msg.of("grid.routing.hasWhichNotCategory", pair.trim()));
                continue;
            }
            String category = m.group(1);
            if (!categories.contains(category)) {
                problems.add(Msg.of("grid.routing.routesWhichNotOne", category, categories));
            }
            if (!seen.add(category)) {
                problems.add(Msg.of("grid.routing.routesTwice", category));
            }
            if (!Roles.COMMUNITY_ROLES.contains(m.group(2))) {
                problems.add(
                        Msg.of("grid.routing.routesWhichNotCommunity", category, m.group(2), Roles.COMMUNITY_ROLES));
            }
        }
        return problems;
    }

    private static final Pattern PAIR = Pattern.compile("([a-z0-9]+(?:-[a-z0-9]+)*)\\s*=\\s*([a-z-]+)(?:@(\\d{1,18}))?");

    public Route routeOf(String category) {
        return Optional.ofNullable(routes.get(category)).orElse(new Route(FALLBACK_ROLE, null));
    }
}
