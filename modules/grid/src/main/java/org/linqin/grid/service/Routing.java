package org.linqin.grid.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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

    public Route routeOf(String category) {
        return Optional.ofNullable(routes.get(category)).orElse(new Route(FALLBACK_ROLE, null));
    }
}
