package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.linqin.server.support.PackagedServer;

/**
 * Rate limits per caller, on the packaged server with a small limit: a caller over the burst gets 429 with
 * Retry-After and RATE_LIMITED, while another caller from the same address is still served (the limit is per token
 * subject, not per address).
 */
class RateLimitIT {

    private static final int BURST = 5;

    @Test
    void aCallerOverTheLimitIsToldWhenToRetryAndOthersAreNotHeldBack() throws Exception {
        try (PackagedServer server = PackagedServer.start(Files.createTempDirectory("linqin-rate-it"),
                PackagedServer.freePort(), "rate-limit", "-Dlinqin.rate-limit.burst=" + BURST,
                "-Dlinqin.rate-limit.requests-per-minute=6")) {
            server.waitUntilReady();
            String busy = server.token("community-admin");
            String other = server.token("resident");
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (int i = 0; i < BURST + 3; i++) {
                answers.add(post(server, busy));
            }
            assertThat(answers.subList(0, BURST)).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
            HttpResponse<String> limited = answers.get(answers.size() - 1);
            assertThat(limited.statusCode()).isEqualTo(429);
            assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                    seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 60L));
            assertThat(limited.body()).contains("\"code\":\"RATE_LIMITED\"").contains("retryAfterSeconds");

            assertThat(post(server, other).statusCode()).as("another caller from the same address").isEqualTo(200);
        }
    }

    private static HttpResponse<String> post(PackagedServer server, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.base + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ communities { totalCount } }\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
