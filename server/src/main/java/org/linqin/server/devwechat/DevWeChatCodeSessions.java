package org.linqin.server.devwechat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vertx.core.json.JsonObject;

/**
 * The stand-in of WeChat's {@code GET /sns/jscode2session}. A development {@code wx.login} code is
 * {@code <user-key>.<anything-unique>}; it answers the openid {@code dev-openid-<user-key>} (so the same user-key
 * signs in as the same user again), a fresh session_key, and the unionid {@code dev-unionid-<user-key>}. Codes are
 * single use (a replay answers 40163, as WeChat does) and live 5 minutes: a code whose unique part starts with
 * {@code t<epoch seconds>-} was issued then, any other code is issued when first presented.
 */
public class DevWeChatCodeSessions {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    /** Used codes remembered; beyond this the oldest are forgotten (a development server, not WeChat). */
    private static final int REMEMBERED = 100_000;
    private static final Pattern CODE = Pattern.compile("([A-Za-z0-9_-]{1,40})\\.([A-Za-z0-9_.-]{1,100})");
    private static final Pattern ISSUED = Pattern.compile("t([0-9]{1,12})-.*");

    private final DevWeChatApp app;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> used = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > REMEMBERED;
        }
    };

    public DevWeChatCodeSessions(DevWeChatApp app, Clock clock) {
        this.app = app;
        this.clock = clock;
    }

    public DevWeChatAnswer jscode2session(DevWeChatRequest request) {
        DevWeChatAnswer refused = app.refusal(request.param("appid"), request.param("secret"));
        if (refused != null) {
            return refused;
        }
        if (!"authorization_code".equals(request.param("grant_type"))) {
            return DevWeChatAnswer.error(40002, "invalid grant_type");
        }
        String code = request.param("js_code");
        if (code == null || code.isEmpty()) {
            return DevWeChatAnswer.error(41008, "missing code");
        }
        Matcher parts = CODE.matcher(code);
        if (!parts.matches() || expired(parts.group(2))) {
            return DevWeChatAnswer.error(40029, "invalid code");
        }
        if (!firstUse(code)) {
            return DevWeChatAnswer.error(40163, "code been used");
        }
        String userKey = parts.group(1);
        return DevWeChatAnswer.ok(new JsonObject()
                .put("openid", "dev-openid-" + userKey)
                .put("session_key", sessionKey())
                .put("unionid", "dev-unionid-" + userKey));
    }

    private boolean expired(String unique) {
        Matcher issued = ISSUED.matcher(unique);
        return issued.matches()
                && Instant.ofEpochSecond(Long.parseLong(issued.group(1))).plus(LIFETIME).isBefore(clock.instant());
    }

    private synchronized boolean firstUse(String code) {
        return used.putIfAbsent(code, clock.instant()) == null;
    }

    private String sessionKey() {
        byte[] key = new byte[16];
        random.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
