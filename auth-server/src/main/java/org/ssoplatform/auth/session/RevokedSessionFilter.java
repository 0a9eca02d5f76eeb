package org.ssoplatform.auth.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a browser session whose user signed out everywhere after it signed in ({@link SessionRevocations}),
 * before any security chain sees it: sign-in pages, the authorization endpoint and account pages alike then
 * treat the browser as anonymous. Right after Spring Session's filter, which loads the session. The
 * stateless API ({@code /api/**}, JSON login included) never reads a session, so it is left alone.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER + 1)
class RevokedSessionFilter extends OncePerRequestFilter {

    private final SessionRevocations revocations;

    RevokedSessionFilter(SessionRevocations revocations) {
        this.revocations = revocations;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && revoked(session)) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }

    private boolean revoked(HttpSession session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        if (!(context instanceof SecurityContext securityContext)) {
            return false;
        }
        Authentication user = securityContext.getAuthentication();
        return user != null && revocations.revoked(user.getName(), SignInTime.of(user));
    }
}
