package org.ssoplatform.auth.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Raw HTTP to the running server, so tests control every byte, header and method; errors come back as responses. */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;

    public Http(String base) {
        this.base = base;
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null);
    }

    /** @param json the body, serialised as given (so keys are spelled as the wire spells them); may be null */
    public Response post(String path, String token, Object json) {
        return send("POST", path, token, json == null ? null : "application/json", json(json));
    }

    public Response patch(String path, String token, Object json) {
        return send("PATCH", path, token, json == null ? null : "application/json", json(json));
    }

    public Response send(String method, String path, String token, String contentType, byte[] body) {
        try {
            return sendAsync(request(method, path, token, contentType,
                    body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body))).join();
        }
        catch (RuntimeException ex) {
            throw new IllegalStateException(method + " " + path + " failed", ex);
        }
    }

    public CompletableFuture<Response> sendAsync(HttpRequest request) {
        return CLIENT.sendAsync(request, BodyHandlers.ofString(StandardCharsets.UTF_8))
            .thenApply(r -> new Response(r.statusCode(), r.headers(), r.body()));
    }

    public HttpRequest request(String method, String path, String token, String contentType, BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(30))
            .method(method, body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request.build();
    }

    /** Sends a form the way an OAuth client does, with HTTP Basic client authentication. */
    public Response form(String path, String basicUser, String basicSecret, String form) {
        String basic = Base64.getEncoder()
            .encodeToString((basicUser + ":" + basicSecret).getBytes(StandardCharsets.UTF_8));
        return sendAsync(HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", "Basic " + basic)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(BodyPublishers.ofString(form))
            .build()).join();
    }

    private static byte[] json(Object value) {
        return value == null ? null : JSON.writeValueAsBytes(value);
    }
}
