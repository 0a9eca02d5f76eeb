package org.ssoplatform.e2e.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A plain HTTP caller, as an API client or CI job would be: no redirects followed, no cookies, every
 * status returned (nothing thrown for a 4xx), every request bounded in time.
 */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    private final String method;

    private final String url;

    private final Map<String, String> headers = new LinkedHashMap<>();

    private String body;

    private Http(String method, String url) {
        this.method = method;
        this.url = url;
    }

    public static Http get(String url) {
        return new Http("GET", url);
    }

    public static Http post(String url) {
        return new Http("POST", url);
    }

    public static Http patch(String url) {
        return new Http("PATCH", url);
    }

    public static Http delete(String url) {
        return new Http("DELETE", url);
    }

    public Http bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    public Http apiKey(String key) {
        return header("X-API-Key", key);
    }

    public Http header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Http json(Object value) {
        this.body = Reply.JSON.writeValueAsString(value);
        return header("Content-Type", "application/json");
    }

    public Reply send() {
        try {
            return reply(CLIENT.send(request(), HttpResponse.BodyHandlers.ofString()));
        }
        catch (IOException ex) {
            throw new IllegalStateException(method + " " + url + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    public CompletableFuture<Reply> sendAsync() {
        return CLIENT.sendAsync(request(), HttpResponse.BodyHandlers.ofString()).thenApply(this::reply);
    }

    private HttpRequest request() {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(20))
            .header("Accept", "application/json, application/problem+json")
            .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::header);
        return builder.build();
    }

    private Reply reply(HttpResponse<String> response) {
        return new Reply(method + " " + url, response.statusCode(), response.headers(), response.body());
    }
}
