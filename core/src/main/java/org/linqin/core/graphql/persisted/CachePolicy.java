package org.linqin.core.graphql.persisted;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code Cache-Control} of {@code /graphql} answers. Only a GET answered without errors to a caller who sent no
 * {@code Authorization} may be kept by shared caches (a CDN), for {@code linqin.graphql.cache.public-max-age}
 * seconds: such a caller is anonymous and sees only public data (see README, "Membership"). Everything else is
 * {@code no-store}; answers to signed-in callers are also {@code private}. {@code Vary} names every request header
 * an answer depends on.
 */
@ApplicationScoped
public class CachePolicy {

    /** Set on the routing context when the operation ran and its result has no errors. */
    static final String RESULT_WITHOUT_ERRORS = "linqin.graphql.result-without-errors";
    static final String VARY = "Accept, Accept-Encoding, Accept-Language, Authorization, X-Community";

    @ConfigProperty(name = "quarkus.smallrye-graphql.root-path", defaultValue = "graphql")
    String rootPath;

    @ConfigProperty(name = "linqin.graphql.cache.public-max-age", defaultValue = "60")
    int publicMaxAge;

    void install(@Observes Router router) {
        router.route("/" + rootPath.replaceAll("^/+", "")).order(-115).handler(ctx -> {
            if (!ctx.request().headers().contains(HttpHeaders.UPGRADE, HttpHeaders.WEBSOCKET, true)) {
                ctx.addHeadersEndHandler(v -> decide(ctx));
            }
            ctx.next();
        });
    }

    private void decide(RoutingContext ctx) {
        boolean anonymous = ctx.request().getHeader(HttpHeaders.AUTHORIZATION) == null;
        boolean publicAnswer = anonymous && publicMaxAge > 0 && ctx.request().method() == HttpMethod.GET
                && ctx.response().getStatusCode() == 200 && Boolean.TRUE.equals(ctx.get(RESULT_WITHOUT_ERRORS));
        ctx.response().putHeader(HttpHeaders.CACHE_CONTROL,
                publicAnswer ? "public, max-age=" + publicMaxAge : anonymous ? "no-store" : "private, no-store");
        String vary = ctx.response().headers().get(HttpHeaders.VARY);
        ctx.response().putHeader(HttpHeaders.VARY, vary == null || vary.isBlank() ? VARY : vary + ", " + VARY);
    }
}
