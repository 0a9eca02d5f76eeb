package org.ssoplatform.portal.web;

import java.io.IOException;

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
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Redis unreachable or not answering is a readable 503 page, not the container's 500. Answered here, outside Spring
 * Session's filter and without a template: sessions live in Redis, and the error page (whose top bar reads the
 * signed-in person) would run that filter again and fail a second time.
 */
@Component
@Order(SessionRepositoryFilter.DEFAULT_ORDER - 1)
class SessionStoreDownFilter extends OncePerRequestFilter {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Try again shortly</title>
            <link rel="stylesheet" href="/ui/platform.css"><link rel="stylesheet" href="/portal/assets/portal.css"></head>
            <body><main id="main" class="narrow">
            <h1>Try again shortly</h1>
            <p class="alert alert-error" role="alert" id="problem">The portal cannot reach its session store right now. \
            Nothing was changed; try again in a moment.</p>
            <p class="muted">Status 503</p>
            <p><a href="/">Back to the start page</a></p>
            </main></body>
            </html>
            """;

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (RuntimeException | ServletException ex) {
            if (!redisDown(ex) || response.isCommitted()) {
                throw ex;
            }
            logger.warn("Answered 503: " + ex.getClass().getSimpleName()); // the cause, not its message
            response.reset();
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");
            response.getWriter().write(PAGE);
        }
    }

    /** Spring reports Redis's timeouts and "not connected" rejections as query timeouts and system exceptions. */
    static boolean redisDown(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessResourceFailureException || cause instanceof QueryTimeoutException
                    || cause instanceof RedisConnectionException || cause instanceof RedisCommandTimeoutException
                    || cause.getClass() == RedisException.class) { // "Currently not connected. Commands are rejected."
                return true;
            }
        }
        return false;
    }
}
