package org.linqin.core.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The communities a caller belongs to and the roles held in each, read from the token's {@code groups}
 * claim ({@code /communities/<code>/<role>}; other groups are ignored).
 */
public record CommunityMemberships(Map<String, Set<String>> rolesByCommunity) {

    /** Name of the security identity attribute that carries the memberships. */
    public static final String ATTRIBUTE = "linqin.memberships";
    private static final Pattern GROUP = Pattern.compile("^/communities/([a-z0-9-]+)/([a-z-]+)$");

    public static final CommunityMemberships NONE = new CommunityMemberships(Map.of());

    public static CommunityMemberships fromGroups(Collection<String> groups) {
        Map<String, Set<String>> roles = new TreeMap<>();
        if (groups != null) {
            for (String group : groups) {
                Matcher m = GROUP.matcher(group);
                if (m.matches() && Roles.COMMUNITY_ROLES.contains(m.group(2))) {
                    roles.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
            }
        }
        return new CommunityMemberships(Collections.unmodifiableMap(roles));
    }

    public Set<String> communities() {
        return rolesByCommunity.keySet();
    }

    public Set<String> rolesIn(String communityCode) {
        return rolesByCommunity.getOrDefault(communityCode, Set.of());
    }

    /**
     * The community a request addresses: the {@code X-Community} header if given (exactly as sent: a value that is
     * not a community code addresses no community of the caller and is refused by the kernel), else the caller's
     * only community; empty when neither names one.
     */
    public Optional<String> addressed(String header) {
        if (header != null) {
            return Optional.of(header);
        }
        return communities().size() == 1 ? Optional.of(communities().iterator().next()) : Optional.empty();
    }
}
