package org.ssoplatform.e2e.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

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

    /** An {@code application/x-www-form-urlencoded} body, as OAuth clients send to the token endpoint. */
    public Http form(Map<String, String> fields) {
        this.body = String.join("&", fields.entrySet().stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .toList());
        return header("Content-Type", "application/x-www-form-urlencoded");
    }

    /** A JSON body given as text, sent as written. */
    public Http jsonText(String json) {
        this.body = json;
        return header("Content-Type", "application/json");
    }

    /** A form body ({@code application/x-www-form-urlencoded}), sent as written. */
    public Http form(String urlEncoded) {
        this.body = urlEncoded;
        return header("Content-Type", "application/x-www-form-urlencoded");
    }

    /** HTTP Basic authentication, as an OAuth client authenticates at the token endpoint. */
    public Http basic(String user, String password) {
        return header("Authorization", "Basic " + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
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

    /**
     * Sends this request from another local address (e.g. {@code 127.0.0.2}), as another machine would:
     * limits per client address then see a different client.
     */
    public Reply sendFrom(String sourceAddress) {
        reactor.netty.http.client.HttpClient client = reactor.netty.http.client.HttpClient.create()
            .bindAddress(() -> new InetSocketAddress(sourceAddress, 0))
            .responseTimeout(Duration.ofSeconds(20))
            .headers(outgoing -> {
                outgoing.set("Accept", "application/json, application/problem+json");
                headers.forEach(outgoing::set);
            });
        return client.request(io.netty.handler.codec.http.HttpMethod.valueOf(method))
            .uri(url)
            .send(body == null ? ByteBufFlux.empty() : ByteBufFlux.fromString(Mono.just(body)))
            .responseSingle((response, content) -> content.asString(StandardCharsets.UTF_8).defaultIfEmpty("")
                .map(text -> {
                    Map<String, List<String>> received = new LinkedHashMap<>();
                    response.responseHeaders().forEach(h -> received.computeIfAbsent(h.getKey(), k -> new ArrayList<>())
                        .add(h.getValue()));
                    return new Reply(method + " " + url + " from " + sourceAddress, response.status().code(),
                            HttpHeaders.of(received, (name, value) -> true), text);
                }))
            .block(Duration.ofSeconds(25));
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
