package org.ssoplatform.e2e.client;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person's browser does, as far as the platform can tell: one cookie jar for every host and
 * port (browsers do not keep cookies apart by port, so every app on {@code localhost} shares it),
 * every redirect followed to the end, links followed from the pages it lands on, and the portal's
 * front-end calls made with the cookies of the jar and the CSRF token read from it.
 */
public final class Browser {

    private static final String NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private static final int MAX_REDIRECTS = 20;

    /** One page the browser ended on, and every address it passed through to get there, in order. */
    public record Page(URI uri, int status, HttpHeaders headers, String body, List<URI> chain) {

        /** The link whose text (markup inside it aside) contains {@code text}, resolved against this page. */
        public URI link(String text) {
            Matcher links = Pattern.compile("<a\\s[^>]*href=\"([^\"]+)\"[^>]*>(.*?)</a>", Pattern.DOTALL).matcher(body);
            while (links.find()) {
                if (links.group(2).replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").contains(text)) {
                    return uri.resolve(links.group(1).replace("&amp;", "&"));
                }
            }
            throw new AssertionError("No link '" + text + "' on " + this);
        }

        /** The page's body as a JSON object. */
        public Map<String, Object> json() {
            return new Reply("GET " + uri, status, headers, body).json();
        }

        /** The first address of the chain that starts with {@code prefix}. */
        public Optional<URI> passedThrough(String prefix) {
            return chain.stream().filter(hop -> hop.toString().startsWith(prefix)).findFirst();
        }

        @Override
        public String toString() {
            String shown = body.length() > 1500 ? body.substring(0, 1500) + "..." : body;
            return status + " at " + uri + " after " + chain + ": " + shown;
        }
    }

    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ORIGINAL_SERVER);

    private final HttpClient http = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER) // followed here, so that the chain can be seen
        .connectTimeout(Duration.ofSeconds(5))
        .build();

    /** Goes to {@code url} as if typed into the address bar, following every redirect. */
    public Page navigate(String url) {
        return navigate(URI.create(url));
    }

    public Page navigate(URI start) {
        return follow(start, HttpRequest.newBuilder(start).header("Accept", NAVIGATION_ACCEPT).GET());
    }

    /**
     * Submits a form of the portal as a person does: the page at {@code pageUrl} is loaded, and the form whose
     * action is {@code action} sent with the CSRF token that page put into it, plus {@code fields}, following
     * every redirect of the answer.
     */
    public Page submit(String pageUrl, String action, Map<String, String> fields) {
        Page page = navigate(pageUrl);
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(page, action));
        return post(page.uri().resolve(action).toString(), form);
    }

    /** Posts {@code form} as {@code application/x-www-form-urlencoded} to {@code url}, following every redirect. */
    public Page post(String url, Map<String, String> form) {
        URI uri = URI.create(url);
        String body = String.join("&", form.entrySet().stream()
            .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
            .toList());
        return follow(uri, HttpRequest.newBuilder(uri).header("Accept", NAVIGATION_ACCEPT)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token in the page's form whose action is {@code action}. */
    public static String csrfToken(Page page, String action) {
        Matcher form = Pattern
            .compile("<form[^>]*action=\"" + Pattern.quote(action) + "\"[^>]*>(.*?)</form>",
                    Pattern.DOTALL)
            .matcher(page.body());
        if (!form.find()) {
            throw new AssertionError("No form posting to " + action + " on " + page);
        }
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
            .matcher(form.group(1));
        if (!token.find()) {
            throw new AssertionError("The form posting to " + action + " carries no CSRF token: " + form.group());
        }
        return token.group(1);
    }

    private Page follow(URI start, HttpRequest.Builder first) {
        List<URI> chain = new ArrayList<>();
        URI uri = start;
        HttpRequest.Builder request = first;
        for (int hops = 0; hops <= MAX_REDIRECTS; hops++) {
            chain.add(uri);
            HttpResponse<String> response = send(request);
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return new Page(uri, response.statusCode(), response.headers(), response.body(), List.copyOf(chain));
            }
            uri = uri.resolve(location.get());
            request = HttpRequest.newBuilder(uri).header("Accept", NAVIGATION_ACCEPT).GET();
        }
        throw new AssertionError("More than " + MAX_REDIRECTS + " redirects: " + chain);
    }

    /**
     * A call of the portal's front end ({@code fetch} with credentials): the jar's cookies go with it,
     * redirects are not followed, and a state-changing call echoes the {@code XSRF-TOKEN} cookie as
     * {@code X-XSRF-TOKEN}, as Angular, Axios and the like do.
     */
    public Reply fetch(String method, String url, String json) {
        return fetch(method, url, json, true);
    }

    /** As {@link #fetch(String, String, String)}; {@code echoCsrf} false leaves the token out, as a forged request would. */
    public Reply fetch(String method, String url, String json, boolean echoCsrf) {
        URI uri = URI.create(url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
            .header("Accept", "application/json, application/problem+json")
            .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (echoCsrf) {
            cookie(uri, "XSRF-TOKEN").ifPresent(token -> request.header("X-XSRF-TOKEN", token));
        }
        HttpResponse<String> response = send(request);
        return new Reply(method + " " + url, response.statusCode(), response.headers(), response.body());
    }

    /** The value of the cookie {@code name} that this browser would send to {@code url}. */
    public Optional<String> cookie(String url, String name) {
        return cookie(URI.create(url), name);
    }

    private Optional<String> cookie(URI uri, String name) {
        return cookies.getCookieStore().get(uri).stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue)
            .findFirst();
    }

    /** The names of the cookies this browser would send to {@code url}. */
    public List<String> cookieNames(String url) {
        return cookies.getCookieStore().get(URI.create(url)).stream().map(HttpCookie::getName).toList();
    }

    /** A request carrying exactly these cookies and nothing from the jar: a replayed, stolen cookie. */
    public static Reply replay(String url, Map<String, String> cookies) {
        StringBuilder header = new StringBuilder();
        cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ").append(name).append('=').append(value));
        return Http.get(url).header("Cookie", header.toString()).send();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
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
