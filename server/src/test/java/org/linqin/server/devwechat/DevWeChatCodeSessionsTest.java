package org.linqin.server.devwechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/** The stand-in of jscode2session answers as WeChat does: credentials checked, codes single use and short-lived. */
class DevWeChatCodeSessionsTest {

    static final Instant NOW = Instant.parse("2026-06-01T08:00:00Z");
    final DevWeChat wechat = new DevWeChat(new DevWeChatApp("wx-app", "s3cret"), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aCodeGivesTheOpenidOfItsUserKeyOnce() {
        JsonObject first = call("wx-app", "s3cret", "Alice.1");
        assertThat(first.getString("openid")).isEqualTo("dev-openid-Alice");
        assertThat(first.getString("unionid")).isEqualTo("dev-unionid-Alice");
        assertThat(first.getString("session_key")).hasSize(24);
        assertThat(call("wx-app", "s3cret", "Alice.2").getString("openid")).isEqualTo("dev-openid-Alice");
        assertThat(call("wx-app", "s3cret", "Alice.1").getInteger("errcode")).isEqualTo(40163);
    }

    @Test
    void wrongCredentialsAndMalformedCodesAreRefused() {
        assertThat(call("wx-other", "s3cret", "Bob.1").getInteger("errcode")).isEqualTo(40013);
        assertThat(call("wx-app", "guess", "Bob.1").getInteger("errcode")).isEqualTo(40125);
        assertThat(call("wx-app", "s3cret", "Bob").getInteger("errcode")).isEqualTo(40029);
        assertThat(call("wx-app", "s3cret", "B o b.1").getInteger("errcode")).isEqualTo(40029);
        assertThat(call("wx-app", "s3cret", "").getInteger("errcode")).isEqualTo(41008);
        // refused calls did not use the code up
        assertThat(call("wx-app", "s3cret", "Bob.1").getString("openid")).isEqualTo("dev-openid-Bob");
    }

    @Test
    void codesExpireFiveMinutesAfterTheyWereIssued() {
        long epoch = NOW.getEpochSecond();
        assertThat(call("wx-app", "s3cret", "Carol.t" + (epoch - 301) + "-a").getInteger("errcode")).isEqualTo(40029);
        assertThat(call("wx-app", "s3cret", "Carol.t" + (epoch - 299) + "-a").getString("openid"))
                .isEqualTo("dev-openid-Carol");
    }

    @Test
    void unknownEndpointsAnswerInvalidUrl() {
        DevWeChatAnswer answer = wechat.handle(new DevWeChatRequest("POST", "/sns/jscode2session", Map.of(), ""));
        assertThat(answer.status()).isEqualTo(404);
        assertThat(new JsonObject(answer.json()).getInteger("errcode")).isEqualTo(40066);
    }

    private JsonObject call(String appid, String secret, String code) {
        DevWeChatAnswer answer = wechat.handle(new DevWeChatRequest("GET", "/sns/jscode2session",
                Map.of("appid", appid, "secret", secret, "js_code", code, "grant_type", "authorization_code"), ""));
        assertThat(answer.status()).isEqualTo(200);
        return new JsonObject(answer.json());
    }
}
