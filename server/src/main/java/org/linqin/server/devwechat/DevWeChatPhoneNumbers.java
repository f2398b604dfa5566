package org.linqin.server.devwechat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Development stand-in of WeChat's phone-number API (never WeChat itself; mounted only where
 * {@code linqin.dev-wechat.enabled} is true): {@code POST /cgi-bin/stable_token} hands out access tokens, and
 * {@code POST /wxa/business/getuserphonenumber?access_token=…} answers a phone code. A phone code of the stand-in is
 * {@code phone-<11 digits>.<anything unique>} and answers those digits (country code 86); each code works once.
 * Plain Java with no web framework, so any HTTP host can serve it.
 */
public class DevWeChatPhoneNumbers {

    /** An HTTP answer: status and JSON body. */
    public record Answer(int status, String json) {
    }

    static final Duration TOKEN_LIFETIME = Duration.ofHours(2);
    private static final Duration REMEMBER_CODES = Duration.ofMinutes(10);
    private static final Pattern PHONE_CODE = Pattern.compile("phone-([0-9]{11})\\.[A-Za-z0-9_-]{1,100}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> usedCodes = new ConcurrentHashMap<>();

    /** {@code POST /cgi-bin/stable_token} with {@code {"grant_type":"client_credential","appid","secret"}}. */
    public Answer stableToken(String body) {
        JsonNode request = parse(body);
        if (request == null || !"client_credential".equals(request.path("grant_type").asText())) {
            return error(40002, "invalid grant_type");
        }
        if (request.path("appid").asText("").isBlank()) {
            return error(40013, "invalid appid");
        }
        if (request.path("secret").asText("").isBlank()) {
            return error(40125, "invalid appsecret");
        }
        Instant now = Instant.now();
        tokens.values().removeIf(expiry -> expiry.isBefore(now));
        String token = "dev-access-token-" + UUID.randomUUID();
        tokens.put(token, now.plus(TOKEN_LIFETIME));
        return new Answer(200, JSON.createObjectNode().put("access_token", token)
                .put("expires_in", TOKEN_LIFETIME.toSeconds()).toString());
    }

    /** {@code POST /wxa/business/getuserphonenumber?access_token=…} with {@code {"code"}}. */
    public Answer phoneNumber(String accessToken, String body) {
        Instant now = Instant.now();
        Instant expiry = accessToken == null ? null : tokens.get(accessToken);
        if (expiry == null || expiry.isBefore(now)) {
            return error(40001, "invalid credential, access_token is invalid or not latest");
        }
        JsonNode request = parse(body);
        String code = request == null ? "" : request.path("code").asText("");
        Matcher m = PHONE_CODE.matcher(code);
        if (!m.matches()) {
            return error(40029, "invalid code");
        }
        usedCodes.values().removeIf(at -> at.isBefore(now.minus(REMEMBER_CODES)));
        if (usedCodes.putIfAbsent(code, now) != null) {
            return error(40029, "invalid code, code been used");
        }
        ObjectNode answer = JSON.createObjectNode().put("errcode", 0).put("errmsg", "ok");
        answer.putObject("phone_info").put("phoneNumber", m.group(1)).put("purePhoneNumber", m.group(1))
                .put("countryCode", "86").putObject("watermark").put("timestamp", now.getEpochSecond())
                .put("appid", "dev");
        return new Answer(200, answer.toString());
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null ? null : JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static Answer error(int errcode, String errmsg) {
        return new Answer(200, JSON.createObjectNode().put("errcode", errcode).put("errmsg", errmsg).toString());
    }
}
