package org.linqin.server.devwechat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

/** The stand-in of the phone-number API: the app's credentials give a token, a phone code answers its digits once. */
class DevWeChatPhoneNumbersTest {

    final DevWeChat wechat = new DevWeChat(new DevWeChatApp("wx-app", "s3cret"),
            Clock.fixed(Instant.parse("2026-06-01T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void aPhoneCodeAnswersItsDigitsOnce() {
        String token = token("wx-app", "s3cret").getString("access_token");
        JsonObject phone = phone(token, "phone-13700000001.a");
        assertThat(phone.getInteger("errcode")).isZero();
        assertThat(phone.getJsonObject("phone_info").getString("purePhoneNumber")).isEqualTo("13700000001");
        assertThat(phone.getJsonObject("phone_info").getString("countryCode")).isEqualTo("86");
        assertThat(phone(token, "phone-13700000001.a").getInteger("errcode")).isEqualTo(40029);
        assertThat(phone(token, "phone-13700000001.b").getInteger("errcode")).isZero();
    }

    @Test
    void wrongCredentialsTokensAndCodesAreRefused() {
        assertThat(token("wx-other", "s3cret").getInteger("errcode")).isEqualTo(40013);
        assertThat(token("wx-app", "guess").getInteger("errcode")).isEqualTo(40125);
        assertThat(answer("POST", "/cgi-bin/stable_token", Map.of(), "[]").getInteger("errcode")).isEqualTo(40002);
        assertThat(phone("made-up", "phone-13700000001.c").getInteger("errcode")).isEqualTo(40001);
        String token = token("wx-app", "s3cret").getString("access_token");
        assertThat(phone(token, "phone-1370000.c").getInteger("errcode")).isEqualTo(40029);
        assertThat(answer("POST", "/wxa/business/getuserphonenumber", Map.of("access_token", token), "{\"code\": 7}")
                .getInteger("errcode")).isEqualTo(40029);
    }

    private JsonObject token(String appId, String secret) {
        return answer("POST", "/cgi-bin/stable_token", Map.of(), new JsonObject().put("grant_type", "client_credential")
                .put("appid", appId).put("secret", secret).encode());
    }

    private JsonObject phone(String token, String code) {
        return answer("POST", "/wxa/business/getuserphonenumber", Map.of("access_token", token),
                new JsonObject().put("code", code).encode());
    }

    private JsonObject answer(String method, String path, Map<String, String> query, String body) {
        DevWeChatAnswer answer = wechat.handle(new DevWeChatRequest(method, path, query, body));
        assertThat(answer.status()).isEqualTo(200);
        return new JsonObject(answer.json());
    }
}
