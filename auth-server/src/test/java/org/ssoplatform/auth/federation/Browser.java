package org.ssoplatform.auth.federation;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A browser for flow tests: keeps cookies and follows redirects one by one across the
 * auth-server and the provider stand-ins, stopping at the first address it is told not to enter.
 */
public final class Browser {

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();

    /** Follows redirects from {@code url}; returns the last response, or the redirect to {@code stopAt}. */
    public HttpResponse<String> open(String url, String stopAt) {
        URI uri = URI.create(url);
        for (int hops = 0; hops < 20; hops++) {
            HttpResponse<String> response = get(uri);
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                return response;
            }
            URI next = uri.resolve(location);
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return response;
            }
            uri = next;
        }
        throw new IllegalStateException("Too many redirects from " + url);
    }

    public HttpResponse<String> open(String url) {
        return open(url, null);
    }

    private HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new IllegalStateException("GET " + uri + " failed", ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
