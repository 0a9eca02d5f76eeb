package org.ssoplatform.auth.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A browser for flow tests: keeps cookies and follows redirects one by one across the
 * auth-server and the provider stand-ins, stopping at the first address it is told not to enter.
 * Sent to the portal ({@link #PORTAL}, where auth-server sends people who ask for {@code /account}), it
 * shows what the portal's account page shows: auth-server's {@code /account} as a JSON client reads it.
 */
public final class Browser {

    /** {@code platform.auth.portal-url} in the tests (application-test.yml). */
    public static final String PORTAL = "http://portal.test/portal/account";

    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    /** Follows redirects from {@code url}; returns the last response, or the redirect to {@code stopAt}. */
    public HttpResponse<String> open(String url, String stopAt) {
        URI uri = URI.create(url);
        return follow(uri, get(uri), stopAt);
    }

    /**
     * Submits a form ({@code POST}, URL-encoded) as a browser does, then follows the redirects as
     * {@link #open(String, String)} does.
     */
    public HttpResponse<String> submit(String url, Map<String, String> form, String stopAt) {
        return submit(url, List.copyOf(form.entrySet()), stopAt);
    }

    /** As {@link #submit(String, Map, String)}, for a form that sends a name more than once (checkboxes, hidden lists). */
    public HttpResponse<String> submit(String url, List<Map.Entry<String, String>> form, String stopAt) {
        URI uri = URI.create(url);
        String body = form.stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .collect(Collectors.joining("&"));
        return follow(uri, send(HttpRequest.newBuilder(uri)
            .header("Accept", ACCEPT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build()), stopAt);
    }

    private HttpResponse<String> follow(URI uri, HttpResponse<String> first, String stopAt) {
        HttpResponse<String> response = first;
        for (int hops = 0; hops < 20; hops++) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            URI next = uri.resolve(location);
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return response;
            }
            if (next.toString().equals(PORTAL)) {
                return send(HttpRequest.newBuilder(uri.resolve("/account")).header("Accept", "application/json").GET()
                    .build());
            }
            uri = next;
            response = get(uri);
        }
        throw new IllegalStateException("Too many redirects from " + first.uri());
    }

    public HttpResponse<String> open(String url) {
        return open(url, null);
    }

    private HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("Accept", ACCEPT).GET().build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
