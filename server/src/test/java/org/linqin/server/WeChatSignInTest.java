package org.linqin.server;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.linqin.server.support.Api.ok;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.Api;
import org.linqin.server.support.Keycloak;
import org.linqin.server.support.KeycloakAdmin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * WeChat mini-program sign-in end to end, as a mini-program does it over HTTP: a {@code wx.login} code of the
 * WeChat stand-in, Keycloak's token endpoint with the WeChat code grant (the provider jar deployed in the real
 * Keycloak), then the Linqin API with the access token. Each test uses its own WeChat user (a fresh user-key), so
 * "nothing was created" can be checked in Keycloak.
 */
@QuarkusTest
class WeChatSignInTest {

    static final String GRANT = "urn:linqin:params:oauth:grant-type:wechat-code";
    static final String CLIENT = "linqin-miniprogram";
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void firstSignInCreatesTheLinkedUserAndTheSecondFindsTheSameOne() throws Exception {
        String key = userKey();
        Response first = signIn(code(key));
        assertThat(first.statusCode()).as(first.asString()).isEqualTo(200);
        assertThat(first.asString()).doesNotContain("session_key");
        assertThat(first.jsonPath().getString("token_type")).isEqualToIgnoringCase("Bearer");
        assertThat(first.jsonPath().getInt("expires_in")).isEqualTo(300);
        assertThat(first.jsonPath().getInt("refresh_expires_in")).isEqualTo(604800);
        JsonNode token = claims(first.jsonPath().getString("access_token"));
        String username = "wechat-dev-openid-" + key.toLowerCase(Locale.ROOT);
        assertThat(token.path("preferred_username").asText()).isEqualTo(username);
        assertThat(token.path("azp").asText()).isEqualTo(CLIENT);
        assertThat(token.path("aud").toString()).contains("linqin-api");
        assertThat(token.toString()).doesNotContain("session_key").doesNotContain("dev-unionid");

        List<Map<String, Object>> users = KeycloakAdmin.usersNamed(username);
        assertThat(users).hasSize(1);
        String subject = (String) users.get(0).get("id");
        assertThat(token.path("sub").asText()).isEqualTo(subject);
        assertThat(KeycloakAdmin.federatedIdentities(subject)).singleElement().satisfies(link -> {
            assertThat(link.get("identityProvider")).isEqualTo("wechat-miniprogram");
            assertThat(link.get("userId")).isEqualTo("dev-openid-" + key);
        });
        assertThat(users.get(0).toString()).doesNotContain("session_key");
        @SuppressWarnings("unchecked")
        Map<String, List<String>> attributes = (Map<String, List<String>>) users.get(0).get("attributes");
        assertThat(attributes.get("wechat_unionid")).containsExactly("dev-unionid-" + key);

        Response second = signIn(code(key));
        assertThat(second.statusCode()).as(second.asString()).isEqualTo(200);
        assertThat(claims(second.jsonPath().getString("access_token")).path("sub").asText()).isEqualTo(subject);
        assertThat(KeycloakAdmin.usersNamed(username)).hasSize(1);
    }

    @Test
    void theLinqinServerAcceptsTheAccessToken() {
        String key = userKey();
        String accessToken = signIn(code(key)).then().statusCode(200).extract().path("access_token");
        Response me = given().contentType(ContentType.JSON).auth().oauth2(accessToken)
                .body(Map.of("query", "{ me { username } }")).post("/graphql");
        assertThat(me.statusCode()).as(me.asString()).isEqualTo(200);
        assertThat(me.jsonPath().getString("data.me.username"))
                .isEqualTo("wechat-dev-openid-" + key.toLowerCase(Locale.ROOT));
    }

    /**
     * The whole way in for a resident: WeChat sign-in, verification by the phone WeChat confirms, a refresh that
     * brings {@code resident}; then staff unlink and the next refresh drops it. Then an invitation code does the same.
     */
    @Test
    void aWeChatUserVerifiedByPhoneOrInvitationHoldsResidentFromTheNextRefresh() {
        String community = ResidentVerificationTest.C6;
        String resident = "/communities/" + community + "/resident";
        JsonNode tokens = json(signIn(code(userKey())).then().statusCode(200).extract().asString());
        String phone = ResidentVerificationTest.newPhone();
        String person = ResidentVerificationTest.newPerson(community, "community-admin", phone);
        assertThat(claims(tokens.get("access_token").asText()).path("groups").toString()).doesNotContain(resident);

        Response verified = graphql(tokens.get("access_token").asText(), community, ResidentVerificationTest.BY_PHONE,
                Map.of("c", ResidentVerificationTest.phoneCode(phone)));
        assertThat(verified.jsonPath().getString("data.verifyResidentByPhone.status")).as(verified.asString())
                .isEqualTo("VERIFIED");
        tokens = json(refresh(tokens.get("refresh_token").asText()).then().statusCode(200).extract().asString());
        assertThat(claims(tokens.get("access_token").asText()).path("groups").toString()).contains(resident);
        Response asResident = graphql(tokens.get("access_token").asText(), community,
                ResidentVerificationTest.MEMBERS_ONLY, Map.of("c", community));
        assertThat(asResident.jsonPath().getList("errors")).as(asResident.asString()).isNull();

        ok(Api.as("community-admin").in(community).gql(ResidentVerificationTest.UNLINK, Map.of("p", person)));
        tokens = json(refresh(tokens.get("refresh_token").asText()).then().statusCode(200).extract().asString());
        assertThat(claims(tokens.get("access_token").asText()).path("groups").toString()).doesNotContain(resident);

        String invitation = ok(Api.as("community-admin").in(community).gql(ResidentVerificationTest.ISSUE,
                Map.of("p", person))).getString("data.issueResidentInvitation.code");
        Response redeemed = graphql(tokens.get("access_token").asText(), community, ResidentVerificationTest.REDEEM,
                Map.of("c", invitation));
        assertThat(redeemed.jsonPath().getString("data.redeemResidentInvitation.status")).as(redeemed.asString())
                .isEqualTo("VERIFIED");
        tokens = json(refresh(tokens.get("refresh_token").asText()).then().statusCode(200).extract().asString());
        assertThat(claims(tokens.get("access_token").asText()).path("groups").toString()).contains(resident);
    }

    private static Response graphql(String accessToken, String community, String query, Map<String, Object> variables) {
        return given().contentType(ContentType.JSON).auth().oauth2(accessToken).header("X-Community", community)
                .body(Map.of("query", query, "variables", variables)).post("/graphql");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void invalidAndExpiredCodesAreRefusedAndCreateNobody() {
        String key = userKey();
        assertRefused(signIn("no-dot-in-this-code"), 400, "invalid_grant");
        assertRefused(signIn(key + ".has spaces"), 400, "invalid_grant");
        long sixMinutesAgo = Instant.now().minusSeconds(360).getEpochSecond();
        assertRefused(signIn(key + ".t" + sixMinutesAgo + "-" + UUID.randomUUID()), 400, "invalid_grant");
        assertRefused(signIn(key + "." + "x".repeat(300)), 400, "invalid_grant");
        assertRefused(signIn(key + ".微信"), 400, "invalid_grant");
        assertNobody(key);
        // a code issued four minutes ago is still good
        long fourMinutesAgo = Instant.now().minusSeconds(240).getEpochSecond();
        assertThat(signIn(key + ".t" + fourMinutesAgo + "-" + UUID.randomUUID()).statusCode()).isEqualTo(200);
    }

    @Test
    void aCodeWorksOnce() {
        String code = code(userKey());
        assertThat(signIn(code).statusCode()).isEqualTo(200);
        Response replay = signIn(code);
        assertRefused(replay, 400, "invalid_grant");
        assertThat(replay.jsonPath().getString("error_description")).contains("used");
    }

    @Test
    void onlyTheMiniProgramClientMayUseTheGrantAndItNeedsACode() {
        String key = userKey();
        // public clients without the grant enabled, the confidential API client with and without its secret
        assertRefused(request().formParam("client_id", "linqin-test").formParam("code", code(key)).post(TOKEN),
                400, "unauthorized_client");
        assertRefused(request().formParam("client_id", "linqin-web").formParam("code", code(key)).post(TOKEN),
                400, "unauthorized_client");
        assertRefused(request().formParam("client_id", "linqin-api").formParam("client_secret", "linqin-dev-secret")
                .formParam("code", code(key)).post(TOKEN), 400, "unauthorized_client");
        assertRefused(request().formParam("client_id", "linqin-api").formParam("code", code(key)).post(TOKEN),
                401, "unauthorized_client", "invalid_client");
        assertRefused(request().formParam("client_id", "no-such-client").formParam("code", code(key)).post(TOKEN),
                401, "invalid_client");
        assertRefused(request().formParam("code", code(key)).post(TOKEN), 401, "invalid_client");
        // the right client, but no code, an empty one, or two
        assertRefused(request().formParam("client_id", CLIENT).post(TOKEN), 400, "invalid_request");
        assertRefused(request().formParam("client_id", CLIENT).formParam("code", "").post(TOKEN), 400,
                "invalid_request");
        assertRefused(request().formParam("client_id", CLIENT).formParam("code", code(key), code(key)).post(TOKEN),
                400, "invalid_request");
        // the mini-program client has no password grant and no browser flow
        Response password = given().baseUri(Keycloak.url()).formParam("grant_type", "password")
                .formParam("client_id", CLIENT).formParam("username", "resident").formParam("password", "linqin")
                .post(TOKEN);
        assertRefused(password, 400, "unauthorized_client");
        assertNobody(key);
    }

    @Test
    void anUnreachableWeChatGivesAClearErrorAndCreatesNobody() {
        String key = userKey();
        Response response = request().formParam("client_id", "linqin-test-wechat-unreachable")
                .formParam("code", code(key)).post(TOKEN);
        assertRefused(response, 503, "temporarily_unavailable");
        assertNobody(key);
    }

    @Test
    void refreshRotatesAndAReplayedRefreshTokenEndsTheSession() throws InterruptedException {
        String first = signIn(code(userKey())).then().statusCode(200).extract().path("refresh_token");
        // Keycloak finds a refresh token stale when it was issued in an earlier second than the session's last
        // refresh (its times are whole seconds): a replay within the second of issue would still pass
        Thread.sleep(1100);
        Response refreshed = refresh(first);
        assertThat(refreshed.statusCode()).as(refreshed.asString()).isEqualTo(200);
        String second = refreshed.jsonPath().getString("refresh_token");
        assertThat(second).isNotEqualTo(first);
        assertThat(claims(refreshed.jsonPath().getString("access_token")).path("azp").asText()).isEqualTo(CLIENT);
        String third = refresh(second).then().statusCode(200).extract().path("refresh_token");

        // an old refresh token comes back (stolen, or a client that kept the wrong one): refused, and the session's
        // current refresh token with it, so whoever holds either must sign in again
        assertRefused(refresh(first), 400, "invalid_grant");
        assertRefused(refresh(third), 400, "invalid_grant");
    }

    @Test
    void signOutRevokes() {
        String refreshToken = signIn(code(userKey())).then().statusCode(200).extract().path("refresh_token");
        given().baseUri(Keycloak.url()).formParam("client_id", CLIENT).formParam("token", refreshToken)
                .formParam("token_type_hint", "refresh_token").post(REVOKE).then().statusCode(200);
        assertRefused(refresh(refreshToken), 400, "invalid_grant");

        // or the logout endpoint, which ends the session
        String other = signIn(code(userKey())).then().statusCode(200).extract().path("refresh_token");
        given().baseUri(Keycloak.url()).formParam("client_id", CLIENT).formParam("refresh_token", other)
                .post(LOGOUT).then().statusCode(204);
        assertRefused(refresh(other), 400, "invalid_grant");
    }

    @Test
    void theRefreshTokenBelongsToTheMiniProgramClient() {
        String refreshToken = signIn(code(userKey())).then().statusCode(200).extract().path("refresh_token");
        Response elsewhere = given().baseUri(Keycloak.url()).formParam("grant_type", "refresh_token")
                .formParam("client_id", "linqin-web").formParam("refresh_token", refreshToken).post(TOKEN);
        assertRefused(elsewhere, 400, "invalid_grant");
    }

    /** The time from a code to tokens, as a mini-program waits for it (Keycloak and WeChat's stand-in local). */
    @Test
    void codeToTokenTime() {
        signIn(code(userKey())).then().statusCode(200);
        List<Long> firstSignIns = new ArrayList<>();
        List<Long> againSignIns = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = userKey();
            firstSignIns.add(timed(code(key)));
            againSignIns.add(timed(code(key)));
        }
        System.out.printf("WeChat code to token: first sign-in (user created) median %d ms, max %d ms; "
                + "later sign-in median %d ms, max %d ms (20 each)%n", median(firstSignIns),
                Collections.max(firstSignIns), median(againSignIns), Collections.max(againSignIns));
    }

    @Test
    void theServerHostsTheSameStandInInTheTestProfile() {
        String key = userKey();
        Response answer = given().queryParam("appid", "wx-dev-linqin").queryParam("secret", "dev-wechat-secret")
                .queryParam("js_code", code(key)).queryParam("grant_type", "authorization_code")
                .get("/dev/wechat/sns/jscode2session");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.jsonPath().getString("openid")).isEqualTo("dev-openid-" + key);
        assertThat(answer.jsonPath().getString("session_key")).isNotBlank();
        Response wrongSecret = given().queryParam("appid", "wx-dev-linqin").queryParam("secret", "guess")
                .queryParam("js_code", code(key)).queryParam("grant_type", "authorization_code")
                .get("/dev/wechat/sns/jscode2session");
        assertThat(wrongSecret.jsonPath().getInt("errcode")).isEqualTo(40125);
        assertThat(wrongSecret.asString()).doesNotContain("openid");
    }

    static final String TOKEN = "/realms/linqin/protocol/openid-connect/token";
    static final String REVOKE = "/realms/linqin/protocol/openid-connect/revoke";
    static final String LOGOUT = "/realms/linqin/protocol/openid-connect/logout";

    private static long timed(String code) {
        long started = System.nanoTime();
        Response response = signIn(code);
        long ms = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(200);
        return ms;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static io.restassured.specification.RequestSpecification request() {
        return given().baseUri(Keycloak.url()).formParam("grant_type", GRANT);
    }

    static Response signIn(String code) {
        return request().formParam("client_id", CLIENT).formParam("code", code).post(TOKEN);
    }

    private static Response refresh(String refreshToken) {
        return given().baseUri(Keycloak.url()).formParam("grant_type", "refresh_token").formParam("client_id", CLIENT)
                .formParam("refresh_token", refreshToken).post(TOKEN);
    }

    /** A WeChat user of the stand-in nobody has used yet (mixed case: openids are case-sensitive). */
    static String userKey() {
        return "Wx" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A wx.login code of the stand-in for that user. */
    static String code(String userKey) {
        return userKey + "." + UUID.randomUUID();
    }

    private static void assertRefused(Response response, int status, String... errors) {
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        assertThat(response.jsonPath().getString("error")).as(response.asString()).isIn((Object[]) errors);
        assertThat(response.asString()).doesNotContain("access_token");
    }

    private static void assertNobody(String userKey) {
        assertThat(KeycloakAdmin.usersNamed("wechat-dev-openid-" + userKey.toLowerCase(Locale.ROOT))).isEmpty();
    }

    private static JsonNode claims(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
                    StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
