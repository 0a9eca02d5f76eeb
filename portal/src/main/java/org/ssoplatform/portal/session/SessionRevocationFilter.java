package org.ssoplatform.portal.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * "Sign out everywhere": auth-server writes {@code {ns}:sessions-revoked:{userId}} (epoch milliseconds,
 * docs/contracts.md); a portal session that signed in at or before that instant ends at its next request, which
 * goes on unauthenticated. One Redis read per request of a signed-in session.
 */
public final class SessionRevocationFilter extends OncePerRequestFilter {

    private final StringRedisTemplate redis;

    private final String namespace;

    public SessionRevocationFilter(StringRedisTemplate redis, String namespace) {
        this.redis = redis;
        this.namespace = namespace;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (user instanceof OAuth2AuthenticationToken && session != null && revoked(user.getName(), session)) {
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    private boolean revoked(String userId, HttpSession session) {
        String revokedAt;
        try {
            revokedAt = redis.opsForValue().get(namespace + ":sessions-revoked:" + userId);
        }
        catch (DataAccessException ex) {
            return false; // the session itself lives in Redis: without it this request fails anyway
        }
        return revokedAt != null && SignInTime.of(session) <= Long.parseLong(revokedAt);
    }
}
