package org.linqin.server.devwechat;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.server.devissuer.DevIssuer;

import io.smallrye.config.SmallRyeConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Mounts the endpoints of the WeChat stand-in ({@link DevWeChat}) under {@value #MOUNT}/ when {@code linqin.dev-wechat.enabled} is
 * true (embedded and test profiles), for Keycloak's WeChat provider and the server's own WeChat calls during local
 * work. Development only: the production profile refuses to start with it, since anyone could then sign in as anyone.
 */
@ApplicationScoped
public class DevWeChatRoutes {

    public static final String MOUNT = "/dev/wechat";
    private static final Logger LOG = Logger.getLogger(DevWeChatRoutes.class);

    @ConfigProperty(name = "linqin.dev-wechat.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "linqin.dev-wechat.app-id", defaultValue = DevWeChatApp.DEFAULT_APP_ID)
    String appId;

    @ConfigProperty(name = "linqin.dev-wechat.app-secret", defaultValue = DevWeChatApp.DEFAULT_SECRET)
    String appSecret;

    /** Whether callers from other machines are answered; off, as for the development token issuer. */
    @ConfigProperty(name = "linqin.dev-wechat.allow-remote", defaultValue = "false")
    boolean allowRemote;

    private DevWeChat wechat;

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        if (ConfigProvider.getConfig().unwrap(SmallRyeConfig.class).getProfiles().contains("prod")) {
            throw new IllegalStateException("linqin.dev-wechat.enabled is set in the production profile: the WeChat "
                    + "stand-in lets anyone sign in as anyone and is for development only. Remove the setting and "
                    + "point Keycloak's wechat-miniprogram identity provider at WeChat.");
        }
        wechat = new DevWeChat(new DevWeChatApp(appId, appSecret), Clock.systemUTC());
        LOG.warnf("WeChat stand-in is ON at %s/ (app id %s): for the embedded default and tests only", MOUNT, appId);
        for (String endpoint : wechat.endpoints()) {
            String[] methodAndPath = endpoint.split(" ", 2);
            router.route(HttpMethod.valueOf(methodAndPath[0]), MOUNT + methodAndPath[1])
                    .handler(BodyHandler.create().setBodyLimit(64 * 1024)).handler(this::handle);
        }
    }

    private void handle(RoutingContext context) {
        if (!allowRemote && !DevIssuer.fromThisMachine(context)) {
            context.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(DevWeChatAnswer.error(40164, "the WeChat stand-in answers only this machine "
                            + "(linqin.dev-wechat.allow-remote)").json());
            return;
        }
        Map<String, String> query = new LinkedHashMap<>();
        context.queryParams().forEach(entry -> query.putIfAbsent(entry.getKey(), entry.getValue()));
        String body = context.body() == null ? "" : context.body().asString();
        DevWeChatAnswer answer = wechat.handle(new DevWeChatRequest(context.request().method().name(),
                context.request().path().substring(MOUNT.length()), query, body == null ? "" : body));
        context.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(answer.json());
    }
}
