package org.linqin.server.devissuer;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.server.demo.DemoUser;
import org.linqin.server.demo.DemoUsers;

import io.smallrye.jwt.build.Jwt;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * The development identity issuer of the embedded default: {@code POST /dev/token} with form field
 * {@code username} returns a signed access token for a demo user, shaped as Keycloak shapes them (realm roles in
 * {@code realm_access.roles}, community roles as {@code groups}). It exists only where
 * {@code linqin.dev-issuer.enabled} is true (embedded and test profiles); the production profile verifies tokens
 * against its real issuer and never trusts this key.
 */
@ApplicationScoped
public class DevIssuer {

    private static final Logger LOG = Logger.getLogger(DevIssuer.class);

    @ConfigProperty(name = "linqin.dev-issuer.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "linqin.dev-issuer.issuer", defaultValue = "linqin-dev-issuer")
    String issuer;

    @ConfigProperty(name = "linqin.dev-issuer.token-lifetime", defaultValue = "PT1H")
    Duration lifetime;

    @ConfigProperty(name = "quarkus.oidc.client-id", defaultValue = "linqin-api")
    String audience;

    /** Whether callers from other machines may get tokens; off, so a demo server on a network hands out none. */
    @ConfigProperty(name = "linqin.dev-issuer.allow-remote", defaultValue = "false")
    boolean allowRemote;

    @Inject
    DemoUsers users;

    @Inject
    DevIdentityGrants grants;

    /** Whether the request comes from this machine (the peer's address, never a forwarded header). */
    public static boolean fromThisMachine(RoutingContext context) {
        return fromLoopback(context);
    }

    private static boolean fromLoopback(RoutingContext context) {
        io.vertx.core.net.SocketAddress remote = context.request().connection().remoteAddress();
        return remote != null && isLoopback(remote.hostAddress());
    }

    /** Whether a peer's address (a literal IPv4 or IPv6 address; names are never looked up) is this machine's. */
    static boolean isLoopback(String hostAddress) {
        if (hostAddress == null || !hostAddress.matches("[0-9a-fA-F:.%]+")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(hostAddress).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        LOG.warn("Development token issuer is ON at POST /dev/token: for the embedded default and tests only");
        router.post("/dev/token").handler(BodyHandler.create().setBodyLimit(4096)).handler(this::token);
    }

    private void token(RoutingContext context) {
        if (!allowRemote && !fromLoopback(context)) {
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "access_denied").put("error_description",
                            "the development issuer answers only this machine (linqin.dev-issuer.allow-remote)")
                            .encode());
            return;
        }
        String username = context.request().getFormAttribute("username");
        DemoUser user = username == null ? null : users.find(username).orElse(null);
        if (user == null) {
            context.response().setStatusCode(400).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", "invalid_grant")
                            .put("error_description", "unknown demo user; see the README for the list").encode());
            return;
        }
        String token = Jwt.issuer(issuer)
                .subject(user.subject())
                .audience(audience)
                .claim("preferred_username", user.username())
                .claim("name", user.name())
                .claim("azp", audience)
                .groups(new HashSet<>(grants.groupsOf(user)))
                .claim("realm_access", Map.of("roles", List.copyOf(user.platformRoles())))
                .expiresIn(lifetime)
                .jws().keyId("linqin-dev")
                .sign();
        context.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(new JsonObject().put("access_token", token).put("token_type", "Bearer")
                        .put("expires_in", lifetime.toSeconds()).encode());
    }
}
