package org.linqin.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.aayushatharva.brotli4j.decoder.DecoderJNI;
import com.aayushatharva.brotli4j.decoder.DirectDecompress;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Results large enough to gain are compressed as the client's {@code Accept-Encoding} asks (brotli, gzip, deflate)
 * and decode to the same JSON, over HTTP/1.1 and HTTP/2; small ones and clients that ask for nothing get the plain
 * bytes.
 */
@QuarkusTest
class CompressionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LARGE = "{\"query\":\"{ __schema { types { name fields { name } } } }\"}";
    private static final String TINY = "{\"query\":\"{ __typename }\"}";

    @TestHTTPResource("/graphql")
    URI graphql;

    @Test
    void aLargeResultIsCompressedAsAskedAndDecodesToTheSameJson() throws Exception {
        HttpResponse<byte[]> plain = post(LARGE, null);
        assertThat(plain.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(plain.body().length).isGreaterThan(10_000);
        String[][] cases = { { "gzip", "gzip" }, { "br", "br" }, { "deflate", "deflate" },
                { "gzip, deflate, br, zstd", "br" }, { "gzip, deflate;q=0.5", "gzip" } };
        for (String[] c : cases) {
            HttpResponse<byte[]> compressed = post(LARGE, c[0]);
            assertThat(compressed.statusCode()).isEqualTo(200);
            assertThat(compressed.headers().firstValue("Content-Encoding")).as(c[0]).contains(c[1]);
            assertThat(compressed.body().length).as(c[0]).isLessThan(plain.body().length / 3);
            assertThat(JSON.readTree(decode(c[1], compressed.body()))).as(c[0]).isEqualTo(JSON.readTree(plain.body()));
        }
    }

    @Test
    void smallResultsAndRefusalsAreSentAsTheyAre() throws Exception {
        for (String body : new String[] { TINY, "{\"query\":\"{ nope }\"}", "{not json" }) {
            HttpResponse<byte[]> response = post(body, "gzip, deflate, br");
            assertThat(response.headers().firstValue("Content-Encoding").orElse("identity")).as(body)
                    .isEqualTo("identity");
            assertThat(JSON.readTree(response.body()).has("errors") || JSON.readTree(response.body()).has("data"))
                    .isTrue();
        }
        HttpResponse<byte[]> identity = post(LARGE, "identity");
        assertThat(identity.headers().firstValue("Content-Encoding").orElse("identity")).isEqualTo("identity");
        assertThat(new String(identity.body(), StandardCharsets.UTF_8)).startsWith("{\"data\"");
    }

    private HttpResponse<byte[]> post(String body, String acceptEncoding) throws Exception {
        HttpResponse<byte[]> http1 = post(HttpClient.Version.HTTP_1_1, body, acceptEncoding);
        HttpResponse<byte[]> http2 = post(HttpClient.Version.HTTP_2, body, acceptEncoding); // h2c, upgraded
        assertThat(http2.version()).isEqualTo(HttpClient.Version.HTTP_2);
        // HTTP/1.1 drops "identity" from the headers, HTTP/2 sends it
        assertThat(http2.headers().firstValue("Content-Encoding").orElse("identity")).as("HTTP/2, %s", acceptEncoding)
                .isEqualTo(http1.headers().firstValue("Content-Encoding").orElse("identity"));
        return http1;
    }

    private HttpResponse<byte[]> post(HttpClient.Version version, String body, String acceptEncoding)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(graphql).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HttpClient.newBuilder().version(version).build().send(request.build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static byte[] decode(String encoding, byte[] body) throws IOException {
        if (encoding.equals("br")) {
            Brotli4jLoader.ensureAvailability();
            DirectDecompress result = Decoder.decompress(body);
            assertThat(result.getResultStatus()).isEqualTo(DecoderJNI.Status.DONE);
            return result.getDecompressedData();
        }
        try (InputStream in = encoding.equals("gzip") ? new GZIPInputStream(new ByteArrayInputStream(body))
                : new InflaterInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }
}
