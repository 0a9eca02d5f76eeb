package org.ssoplatform.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.junit.jupiter.api.Test;

import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * Backend answers reach the caller byte for byte whichever way they are written: whole (known length up
 * to the limit) or streamed (larger or chunked). When the backend stops half way, the caller gets a 502
 * problem if nothing was sent yet, and a closed connection, never a wait, if part of the answer was.
 */
class WholeBodyWriteResponseTests extends SharedGateway {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aBodyOfKnownLengthWithinTheLimitArrivesWithItsLength() throws Exception {
        byte[] body = bytes(WholeBodyWriteResponseFilter.WHOLE_BODY_LIMIT);
        String path = backendAnswers(sized(body).withHeader("ETag", "\"v1\""));

        HttpResponse<byte[]> response = call("GET", path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(body.length));
        assertThat(response.headers().firstValue("ETag")).hasValue("\"v1\"");
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void aBodyOverTheLimitIsStreamedUnchanged() throws Exception {
        byte[] body = bytes(WholeBodyWriteResponseFilter.WHOLE_BODY_LIMIT * 64 + 1);
        String path = backendAnswers(sized(body));

        HttpResponse<byte[]> response = call("GET", path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue(String.valueOf(body.length));
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void aChunkedBodyIsStreamedUnchanged() throws Exception {
        byte[] body = bytes(3000);
        String path = backendAnswers(aResponse().withStatus(200).withBody(body).withChunkedDribbleDelay(5, 200));

        HttpResponse<byte[]> response = call("GET", path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.body()).isEqualTo(body);
    }

    @Test
    void anEmptyBodyOfLengthZeroIsRelayed() throws Exception {
        String path = backendAnswers(sized(new byte[0]).withHeader("X-Empty", "yes"));

        HttpResponse<byte[]> response = call("GET", path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("0");
        assertThat(response.headers().firstValue("X-Empty")).hasValue("yes");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aHeadRequestGetsTheBackendsLengthAndNoBody() throws Exception {
        String path = backendAnswers(sized(bytes(500)));

        HttpResponse<byte[]> response = call("HEAD", path);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).hasValue("500");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void aBodyCutShortGets502ProblemWithoutTheBackendsHeaders() throws Exception {
        // Jetty closes the connection once it has sent fewer bytes than the length it announced.
        String path = backendAnswers(aResponse().withStatus(200).withHeader("Content-Length", "1000")
            .withHeader("ETag", "\"v1\"").withBody("{\"partial\":"));

        HttpResponse<byte[]> response = call("GET", path);

        assertThat(response.statusCode()).isEqualTo(502);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.headers().firstValue("ETag")).isEmpty();
        assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
            .contains("\"status\":502")
            .contains("A service behind the gateway closed the connection before its answer was complete.");
    }

    @Test
    void aStreamedBodyCutShortEndsTheCallersConnection() {
        String path = backendAnswers(aResponse().withStatus(200)
            .withHeader("Content-Length", String.valueOf(WholeBodyWriteResponseFilter.WHOLE_BODY_LIMIT + 1))
            .withBody("{\"partial\":"));

        assertThatThrownBy(() -> call("GET", path)).isInstanceOf(ExecutionException.class)
            .hasCauseInstanceOf(IOException.class);
    }

    /** WireMock sends bodies chunked unless told their length. */
    private static ResponseDefinitionBuilder sized(byte[] body) {
        return aResponse().withStatus(200).withHeader("Content-Length", String.valueOf(body.length)).withBody(body);
    }

    private static String backendAnswers(ResponseDefinitionBuilder response) {
        String path = uniqueBackendPath();
        STAND_INS.backend.stubFor(any(urlPathEqualTo(path)).willReturn(response));
        return path;
    }

    /**
     * Straight from the socket: no client-side buffering or re-framing between the gateway and the test.
     * The wait is bounded here: the client's own timeout ends once the headers are in.
     */
    private HttpResponse<byte[]> call(String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .header("Authorization", "Bearer " + TestTokens.user("user-" + UUID.randomUUID()))
            .build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).get(10, TimeUnit.SECONDS);
    }

    private static byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
