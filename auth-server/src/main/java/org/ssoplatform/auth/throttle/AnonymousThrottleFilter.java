package org.ssoplatform.auth.throttle;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Limits, per client address, the work anyone can make this server do without signing in: JSON
 * sign-in starts, browser sign-in starts (each creates a session in Redis) and failed token requests
 * ({@link TokenFailures}).
 * Over a limit: 429 problem+json with {@code Retry-After}, before any session exists. While Redis is
 * unreachable the limits are not enforced: the requests then fail on Redis themselves.
 */
class AnonymousThrottleFilter extends OncePerRequestFilter {

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Too Many Requests","status":429,"code":"rate_limited",\
            "detail":"Too many requests from this address; retry after %d s."}""";

    private final ThrottleProperties properties;

    private final ClientAddresses addresses;

    private final WindowCounter counter;

    AnonymousThrottleFilter(ThrottleProperties properties, ClientAddresses addresses, WindowCounter counter) {
        this.properties = properties;
        this.addresses = addresses;
        this.counter = counter;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String method = request.getMethod();
        if ("POST".equals(method) && path.equals("/oauth2/token")) {
            tokenRequest(request, response, chain);
            return;
        }
        ThrottleProperties.Limit limit = null;
        String kind = null;
        if ("GET".equals(method) && path.startsWith("/api/v1/auth/") && path.endsWith("/login")) {
            limit = properties.jsonLogin();
            kind = "json-login";
        }
        else if ("GET".equals(method) && (path.equals("/login") || path.startsWith("/oauth2/authorization/"))) {
            limit = properties.loginPage();
            kind = "login-page";
        }
        if (limit != null) {
            WindowCounter.Count count = safely(kind, addresses.of(request), limit, true);
            if (count != null && count.count() > limit.requests()) {
                tooMany(response, count.remaining());
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void tokenRequest(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = addresses.of(request);
        ThrottleProperties.Limit limit = properties.tokenFailures();
        WindowCounter.Count failures = safely("token-failures", address, limit, false);
        if (failures != null && failures.count() >= limit.requests()) {
            tooMany(response, failures.remaining());
            return;
        }
        chain.doFilter(request, response);
        int status = response.getStatus();
        if ((status == HttpStatus.BAD_REQUEST.value() || status == HttpStatus.UNAUTHORIZED.value())
                && TokenFailures.counted(request)) {
            safely("token-failures", address, limit, true);
        }
    }

    private WindowCounter.Count safely(String kind, String address, ThrottleProperties.Limit limit, boolean count) {
        try {
            return count ? counter.increment(kind, address, limit.window()) : counter.read(kind, address);
        }
        catch (DataAccessException redisDown) {
            return null;
        }
    }

    private static void tooMany(HttpServletResponse response, Duration remaining) throws IOException {
        long seconds = Math.max(1, (remaining.toMillis() + 999) / 1000);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write(PROBLEM.formatted(seconds));
    }
}
