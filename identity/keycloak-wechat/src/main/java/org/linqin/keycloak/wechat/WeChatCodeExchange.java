package org.linqin.keycloak.wechat;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.http.client.config.RequestConfig;
import org.keycloak.http.simple.SimpleHttp;
import org.keycloak.http.simple.SimpleHttpResponse;
import org.keycloak.models.KeycloakSession;
import org.keycloak.util.JsonSerialization;
import org.linqin.keycloak.wechat.WeChatFailure.Kind;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Exchanges a {@code wx.login} code at WeChat's {@code GET /sns/jscode2session}, through Keycloak's own HTTP client
 * (so Keycloak's proxy and trust store settings apply), with short time-outs: a mini-program waits for the answer.
 */
public class WeChatCodeExchange {

    /** WeChat's errcodes for a code that gives no user: invalid or expired, used already, high-risk user. */
    private static final Set<Integer> REFUSED_CODE = Set.of(40029, 40163, 40226);
    /** WeChat's errcodes for "try again later": system busy, minute quota reached. */
    private static final Set<Integer> BUSY = Set.of(-1, 45011);
    /** openid and unionid are short URL-safe strings; anything else is not WeChat's answer. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private static final RequestConfig TIMEOUTS = RequestConfig.custom()
            .setConnectTimeout(3000).setConnectionRequestTimeout(3000).setSocketTimeout(5000).build();

    private final KeycloakSession session;

    public WeChatCodeExchange(KeycloakSession session) {
        this.session = session;
    }

    public WeChatSession exchange(WeChatIdentityProviderConfig config, String code) throws WeChatFailure {
        JsonNode answer = call(config, code);
        int errcode = answer.path("errcode").asInt(0);
        if (errcode != 0) {
            String message = "WeChat jscode2session errcode " + errcode + ": " + answer.path("errmsg").asText("");
            if (REFUSED_CODE.contains(errcode)) {
                throw new WeChatFailure(Kind.REFUSED_CODE, message);
            }
            throw new WeChatFailure(BUSY.contains(errcode) ? Kind.UNAVAILABLE : Kind.CONFIGURATION, message);
        }
        String openid = answer.path("openid").asText("");
        String unionid = answer.path("unionid").asText("");
        if (!IDENTIFIER.matcher(openid).matches() || !(unionid.isEmpty() || IDENTIFIER.matcher(unionid).matches())) {
            throw new WeChatFailure(Kind.UNAVAILABLE, "WeChat jscode2session answered without a valid openid");
        }
        return new WeChatSession(openid, unionid.isEmpty() ? null : unionid);
    }

    private JsonNode call(WeChatIdentityProviderConfig config, String code) throws WeChatFailure {
        String url = config.getBaseUrl() + "/sns/jscode2session";
        try (SimpleHttpResponse response = SimpleHttp.create(session).withRequestConfig(TIMEOUTS)
                .withMaxConsumedResponseSize(64 * 1024).doGet(url)
                .param("appid", nullToEmpty(config.getAppId()))
                .param("secret", nullToEmpty(config.getAppSecret()))
                .param("js_code", code)
                .param("grant_type", "authorization_code")
                .asResponse()) {
            if (response.getStatus() != 200) {
                throw new WeChatFailure(Kind.UNAVAILABLE, "WeChat jscode2session answered HTTP " + response.getStatus());
            }
            JsonNode answer = JsonSerialization.mapper.readTree(response.asString());
            if (answer == null || !answer.isObject()) {
                throw new WeChatFailure(Kind.UNAVAILABLE, "WeChat jscode2session answered no JSON object");
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            throw new WeChatFailure(Kind.UNAVAILABLE, "WeChat jscode2session could not be reached: " + e, e);
        }
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
