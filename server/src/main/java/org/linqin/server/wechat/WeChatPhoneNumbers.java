package org.linqin.server.wechat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linqin.core.graphql.ValidationFailedException;
import org.linqin.core.i18n.Msg;
import org.linqin.core.people.service.ConfirmedPhones;
import org.linqin.core.security.IdentityUnavailableException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.vertx.http.HttpServer;

/**
 * The phone number behind a mini-program's {@code getPhoneNumber} code, from the WeChat server API
 * ({@code linqin.wechat.base-url}): an access token from {@code stable_token} (kept until five minutes before it
 * expires, shared by every request of this replica), then {@code getuserphonenumber}. A base URL that is a path
 * ({@code /dev/wechat}) names this server itself: the development stand-in of the embedded and test profiles.
 */
@ApplicationScoped
public class WeChatPhoneNumbers implements ConfirmedPhones {

    private static final Logger LOG = Logger.getLogger(WeChatPhoneNumbers.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EARLY = Duration.ofMinutes(5);
    /** WeChat's codes for an access token that is invalid, expired or no longer the latest. */
    private static final Set<Integer> STALE_TOKEN = Set.of(40001, 40014, 42001);
    /** WeChat's codes for a phone code that is invalid, used or expired. */
    private static final Set<Integer> BAD_CODE = Set.of(40029, 40163);

    @ConfigProperty(name = "linqin.wechat.base-url", defaultValue = "https://api.weixin.qq.com")
    String baseUrl;

    @ConfigProperty(name = "linqin.wechat.app-id")
    Optional<String> appId;

    @ConfigProperty(name = "linqin.wechat.app-secret")
    Optional<String> appSecret;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int configuredPort;

    @Inject
    Instance<HttpServer> server;

    private volatile WeChatApi api;
    private volatile AccessToken token;

    private record AccessToken(String value, Instant renewAt) {
    }

    @Override
    public ConfirmedPhone exchange(String phoneCode) {
        JsonNode answer = phoneNumber(phoneCode, false);
        int errcode = answer.path("errcode").asInt(0);
        if (STALE_TOKEN.contains(errcode)) {
            answer = phoneNumber(phoneCode, true);
            errcode = answer.path("errcode").asInt(0);
        }
        if (BAD_CODE.contains(errcode)) {
            throw ValidationFailedException.of("phoneCode", Msg.of("server.wechat.badPhoneCode", errcode))
                    .withReason("WECHAT_REFUSED");
        }
        JsonNode info = answer.path("phone_info");
        String number = info.path("purePhoneNumber").asText("");
        if (errcode != 0 || number.isEmpty()) {
            LOG.warnf("WeChat getuserphonenumber answered errcode %d: %s", errcode, answer.path("errmsg").asText());
            throw new IdentityUnavailableException(Msg.of("server.wechat.refused", errcode));
        }
        return new ConfirmedPhone(info.path("countryCode").asText(""), number);
    }

    private JsonNode phoneNumber(String phoneCode, boolean renewToken) {
        String accessToken = accessToken(renewToken);
        return call(() -> api().userPhoneNumber(accessToken, JSON.createObjectNode().put("code", phoneCode).toString()));
    }

    private synchronized String accessToken(boolean renew) {
        AccessToken current = token;
        if (!renew && current != null && Instant.now().isBefore(current.renewAt())) {
            return current.value();
        }
        if (appId.isEmpty() || appSecret.isEmpty()) {
            throw new IdentityUnavailableException(Msg.of("server.wechat.notConfigured"));
        }
        JsonNode answer = call(() -> api().stableToken(JSON.createObjectNode().put("grant_type", "client_credential")
                .put("appid", appId.get()).put("secret", appSecret.get()).put("force_refresh", renew).toString()));
        String value = answer.path("access_token").asText("");
        if (value.isEmpty()) {
            LOG.warnf("WeChat stable_token answered errcode %d: %s", answer.path("errcode").asInt(),
                    answer.path("errmsg").asText());
            throw new IdentityUnavailableException(Msg.of("server.wechat.refused", answer.path("errcode").asInt()));
        }
        Duration lifetime = Duration.ofSeconds(Math.max(0, answer.path("expires_in").asLong(0)));
        token = new AccessToken(value, Instant.now().plus(lifetime).minus(EARLY));
        return value;
    }

    private JsonNode call(java.util.function.Supplier<String> request) {
        try {
            return JSON.readTree(request.get());
        } catch (ProcessingException | JsonProcessingException e) {
            LOG.warnf("WeChat could not be reached or answered nonsense: %s", e.getMessage());
            throw new IdentityUnavailableException(Msg.of("server.wechat.unreachable"));
        } catch (WebApplicationException e) {
            LOG.warnf("WeChat answered HTTP %d", e.getResponse().getStatus());
            throw new IdentityUnavailableException(Msg.of("server.wechat.refused", e.getResponse().getStatus()));
        }
    }

    private WeChatApi api() {
        WeChatApi client = api;
        if (client == null) {
            synchronized (this) {
                if (api == null) {
                    api = QuarkusRestClientBuilder.newBuilder().baseUri(base())
                            .connectTimeout(5, TimeUnit.SECONDS).readTimeout(10, TimeUnit.SECONDS)
                            .build(WeChatApi.class);
                }
                client = api;
            }
        }
        return client;
    }

    /** The WeChat API base; a path is one of this server's own, resolved once the server listens. */
    URI base() {
        if (!baseUrl.startsWith("/")) {
            return URI.create(baseUrl);
        }
        int port = server.isResolvable() ? server.get().getPort() : configuredPort;
        return URI.create("http://localhost:" + port + baseUrl);
    }
}
