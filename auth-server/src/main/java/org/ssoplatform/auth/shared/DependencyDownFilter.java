package org.ssoplatform.auth.shared;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * PostgreSQL or Redis unreachable is a 503 problem, not a 500. Answered here, outside Spring Session's
 * filter: browser sessions live in Redis, and the error page runs that filter again, so with Redis down
 * it would fail a second time and leave the container's HTML page.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class DependencyDownFilter extends OncePerRequestFilter {

    private static final String PROBLEM = """
            {"type":"about:blank","title":"Service Unavailable","status":503,\
            "detail":"A service the server depends on is unavailable; try again shortly."}""";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException | ServletException ex) {
            if (!dependencyDown(ex) || response.isCommitted()) {
                throw ex;
            }
            logger.warn("Answered 503: " + ex.getClass().getSimpleName()); // the cause, not its message
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(PROBLEM);
        }
    }

    private static boolean dependencyDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
