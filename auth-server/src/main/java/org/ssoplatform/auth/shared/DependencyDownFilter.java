package org.ssoplatform.auth.shared;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import io.lettuce.core.RedisCommandTimeoutException;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionSystemException;
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

    /**
     * Unreachable, timed out or refusing connections: PostgreSQL's connection states (08xxx, also when a
     * transaction could not begin) and Redis's timeouts and "not connected" rejections, which Spring reports as
     * query timeouts and system exceptions rather than resource failures.
     */
    static boolean dependencyDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                    || cause.getClass() == RedisException.class) { // "Currently not connected. Commands are rejected."
                return true;
            }
            // The connection died mid-transaction: the rollback fails too, and carries what failed first.
            if (cause instanceof TransactionSystemException rollback && (rollback.getCause() instanceof SQLException
                    || rollback.getApplicationException() != null && dependencyDown(rollback.getApplicationException()))) {
                return true;
            }
        }
        return false;
    }
}
