package org.linqin.server.devwechat;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Serves the phone part of the development WeChat stand-in under {@code /dev/wechat} where
 * {@code linqin.dev-wechat.enabled} is true (embedded and test profiles only).
 */
@ApplicationScoped
public class DevWeChatPhoneRoutes {

    private static final Logger LOG = Logger.getLogger(DevWeChatPhoneRoutes.class);

    @ConfigProperty(name = "linqin.dev-wechat.enabled", defaultValue = "false")
    boolean enabled;

    private final DevWeChatPhoneNumbers phones = new DevWeChatPhoneNumbers();

    void routes(@Observes Router router) {
        if (!enabled) {
            return;
        }
        LOG.warn("Development WeChat stand-in (phone numbers) is ON under /dev/wechat: for the embedded default and "
                + "tests only");
        router.post("/dev/wechat/cgi-bin/stable_token").handler(BodyHandler.create().setBodyLimit(4096))
                .handler(ctx -> answer(ctx, phones.stableToken(ctx.body().asString())));
        router.post("/dev/wechat/wxa/business/getuserphonenumber").handler(BodyHandler.create().setBodyLimit(4096))
                .handler(ctx -> answer(ctx, phones.phoneNumber(ctx.request().getParam("access_token"),
                        ctx.body().asString())));
    }

    private static void answer(RoutingContext ctx, DevWeChatPhoneNumbers.Answer answer) {
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                .end(answer.json());
    }
}
