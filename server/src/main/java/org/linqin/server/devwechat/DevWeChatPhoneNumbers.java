package org.linqin.server.devwechat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * The stand-in of WeChat's phone-number API: {@code POST /cgi-bin/stable_token} hands out access tokens to the app
 * of {@link DevWeChatApp}, and {@code POST /wxa/business/getuserphonenumber?access_token=…} answers a phone code. A
 * phone code of the stand-in is {@code phone-<11 digits>.<anything unique>} and answers those digits (country code
 * 86); each code works once.
 */
public class DevWeChatPhoneNumbers {

    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final Duration REMEMBER_CODES = Duration.ofMinutes(10);
    private static final Pattern PHONE_CODE = Pattern.compile("phone-([0-9]{11})\\.[A-Za-z0-9_-]{1,100}");

    private final DevWeChatApp app;
    private final Clock clock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedCodes = new ConcurrentHashMap<>();

    public DevWeChatPhoneNumbers(DevWeChatApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    /** {@code {"grant_type":"client_credential","appid","secret"}}. */
    public DevWeChatAnswer stableToken(DevWeChatRequest request) {
        JsonObject body = json(request.body());
        if (body == null || !"client_credential".equals(body.getValue("grant_type"))) {
            return DevWeChatAnswer.error(40002, "invalid grant_type");
        }
        DevWeChatAnswer refused = app.refusal(text(body, "appid"), text(body, "secret"));
        if (refused != null) {
            return refused;
        }
        Instant now = clock.instant();
        tokens.values().removeIf(expiry -> expiry.isBefore(now));
        String token = "dev-access-token-" + UUID.randomUUID();
        tokens.put(token, now.plus(TOKEN_LIFETIME));
        return DevWeChatAnswer.ok(new JsonObject().put("access_token", token)
                .put("expires_in", TOKEN_LIFETIME.toSeconds()));
    }

    /** {@code ?access_token=…} with {@code {"code"}}. */
    public DevWeChatAnswer phoneNumber(DevWeChatRequest request) {
        Instant now = clock.instant();
        String accessToken = request.param("access_token");
        Instant expiry = accessToken == null ? null : tokens.get(accessToken);
        if (expiry == null || expiry.isBefore(now)) {
            return DevWeChatAnswer.error(40001, "invalid credential, access_token is invalid or not latest");
        }
        JsonObject body = json(request.body());
        String code = body == null ? "" : String.valueOf(text(body, "code"));
        Matcher m = PHONE_CODE.matcher(code);
        if (!m.matches()) {
            return DevWeChatAnswer.error(40029, "invalid code");
        }
        usedCodes.values().removeIf(at -> at.isBefore(now.minus(REMEMBER_CODES)));
        if (usedCodes.putIfAbsent(code, now) != null) {
            return DevWeChatAnswer.error(40029, "invalid code, code been used");
        }
        return DevWeChatAnswer.ok(new JsonObject().put("errcode", 0).put("errmsg", "ok").put("phone_info",
                new JsonObject().put("phoneNumber", m.group(1)).put("purePhoneNumber", m.group(1))
                        .put("countryCode", "86").put("watermark", new JsonObject()
                                .put("timestamp", now.getEpochSecond()).put("appid", app.appId()))));
    }

    private static JsonObject json(String body) {
        try {
            return body == null || body.isBlank() ? null : new JsonObject(body);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String text(JsonObject body, String name) {
        return body.getValue(name) instanceof String value ? value : null;
    }
}
