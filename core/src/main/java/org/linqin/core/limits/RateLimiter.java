package org.linqin.core.limits;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linqin.core.i18n.Messages;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linqin.core.i18n.Msg;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits how often each caller may call {@code /graphql}: per token subject, else per client address (behind a
 * proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so that is the client's). A caller over the
 * limit gets HTTP 429 with {@code Retry-After} and the code {@code RATE_LIMITED}. Buckets are Bucket4j token
 * buckets kept in this replica's memory (idle callers are forgotten); across replicas behind a load balancer that
 * spreads requests, each replica allows its share ({@code linqin.rate-limit.replicas}), so the whole keeps close
 * to the configured rate without a shared store or a database round trip per request.
 */
@ApplicationScoped
public class RateLimiter {

    @ConfigProperty(name = "linqin.rate-limit.enabled", defaultValue = "true")
    boolean enabled;

    /** Sustained requests per minute one caller may make, across all replicas. */
    @ConfigProperty(name = "linqin.rate-limit.requests-per-minute", defaultValue = "1200")
    long perMinute;

    /** Requests a caller may make at once after being idle, across all replicas. */
    @ConfigProperty(name = "linqin.rate-limit.burst", defaultValue = "200")
    long burst;

    /** Replicas sharing the load; each allows its share of the rate and burst. */
    @ConfigProperty(name = "linqin.rate-limit.replicas", defaultValue = "1")
    int replicas;

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
            .expireAfterAccess(10, TimeUnit.MINUTES).maximumSize(200_000).build();

    void install(@Observes Router router) {
        if (enabled) {
            router.route("/" + rootPath.replaceAll("^/+", "")).order(-120).handler(this::limit);
        }
    }

    private void limit(RoutingContext ctx) {
        Bucket bucket = buckets.get(callerOf(ctx), key -> newBucket());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            ctx.next();
            return;
        }
        long retryAfter = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        JsonObject error = new JsonObject().put("message", Messages.render(Msg.of("core.rateLimited", retryAfter),
                Messages.fromAcceptLanguage(String.join(",", ctx.request().headers().getAll("Accept-Language")))))
                .put("extensions", new JsonObject().put("code", "RATE_LIMITED").put("retryAfterSeconds", retryAfter));
        ctx.response().setStatusCode(429).putHeader("Retry-After", Long.toString(retryAfter))
                .putHeader("Content-Type", "application/json; charset=UTF-8")
                .end(new JsonObject().put("errors", List.of(error)).encode());
    }

    private Bucket newBucket() {
        int share = Math.max(1, replicas);
        long capacity = Math.max(1, burst / share);
        long refill = Math.max(1, perMinute / share);
        return Bucket.builder().addLimit(Bandwidth.builder().capacity(capacity)
                .refillGreedy(refill, Duration.ofMinutes(1)).build()).build();
    }

    /** The token's subject when the caller signed in (the token is verified by then), else the client address. */
    public static String callerOf(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user) {
            SecurityIdentity identity = user.getSecurityIdentity();
            if (identity != null && !identity.isAnonymous()) {
                return "subject:" + identity.getPrincipal().getName();
            }
        }
        return "address:" + (ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress());
    }
}
