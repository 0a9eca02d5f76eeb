package org.ssoplatform.e2e.client;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * A person's browser: one cookie jar for every site it visits (cookies ignore ports, as a browser's do, so the
 * gateway's and auth-server's cookies on {@code localhost} live side by side), HTML accepted, redirects
 * followed one by one, a form's {@code POST} answered by a redirect followed with {@code GET}.
 */
public final class CookieBrowser {

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    /** Opens {@code url} and follows its redirects: the last answer, whose {@code request} names where it ended. */
    public Reply open(String url) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).GET(), Map.of()));
    }

    /** Sends a {@code POST} with these headers (e.g. a CSRF token) and follows the redirects. */
    public Reply post(String url, Map<String, String> headers) {
        return follow(send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()), headers));
    }

    /** The value of the cookie {@code name} the browser holds, or {@code null}. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
            .filter(cookie -> cookie.getName().equals(name))
            .map(HttpCookie::getValue)
            .findFirst()
            .orElse(null);
    }

    private Reply follow(HttpResponse<String> first) {
        HttpResponse<String> response = first;
        for (int hops = 0; hops < 20; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return new Reply(response.request().method() + " " + response.uri(), response.statusCode(),
                        response.headers(), response.body());
            }
            response = send(HttpRequest.newBuilder(response.uri().resolve(location)).GET(), Map.of());
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    private HttpResponse<String> send(HttpRequest.Builder request, Map<String, String> headers) {
        request.timeout(Duration.ofSeconds(20)).header("Accept", ACCEPT);
        headers.forEach(request::header);
        HttpRequest built = request.build();
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(built.method() + " " + built.uri() + " failed: " + ex, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
