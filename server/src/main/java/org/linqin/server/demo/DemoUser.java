package org.linqin.server.demo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/** A demo login of the embedded default: who they are and the roles they hold (per community and platform-wide). */
public record DemoUser(String username, String name, String phone, String community, List<String> roles,
        List<String> platformRoles) {

    public DemoUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
        platformRoles = platformRoles == null ? List.of() : List.copyOf(platformRoles);
    }

    /** Stable subject id, the same on every machine. */
    public String subject() {
        return UUID.nameUUIDFromBytes(("linqin-demo:" + username).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Group paths as Keycloak puts them in the {@code groups} claim. */
    public List<String> groups() {
        return community == null ? List.of() : roles.stream().map(r -> "/communities/" + community + "/" + r).toList();
    }
}
