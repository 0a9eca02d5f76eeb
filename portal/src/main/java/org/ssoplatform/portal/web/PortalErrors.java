package org.ssoplatform.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.ssoplatform.portal.api.ApiException;
import org.ssoplatform.portal.api.ApiUnavailableException;
import org.ssoplatform.portal.api.SessionEndedException;

/**
 * What a person sees when a page cannot be shown: a page in the portal's look with one readable sentence and
 * the right status, never a stack trace or the API's JSON. A session whose tokens were refused ends here and the
 * person is sent to sign in again.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PortalErrors {

    private static final Logger log = LoggerFactory.getLogger(PortalErrors.class);

    @ExceptionHandler(Forbidden.class)
    String forbidden(HttpServletResponse response, Model model) {
        return page(response, model, HttpStatus.FORBIDDEN, "Not for you",
                "This page is for administrators only. Ask an administrator if you need access.");
    }

    @ExceptionHandler(SessionEndedException.class)
    String sessionEnded(SessionEndedException ex, HttpServletRequest request) {
        log.info("Portal session ended: {}", ex.getMessage());
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        SecurityContextHolder.clearContext();
        return "redirect:/?session-ended";
    }

    @ExceptionHandler(ApiUnavailableException.class)
    String unavailable(ApiUnavailableException ex, HttpServletResponse response, Model model) {
        log.warn("Management API unreachable: {}", ex.getCause() != null ? ex.getCause().getMessage() : ex.getMessage());
        return page(response, model, HttpStatus.SERVICE_UNAVAILABLE, "Try again shortly",
                "The platform's sign-in service is not answering right now. Nothing was changed; try again in a moment.");
    }

    @ExceptionHandler(ApiException.class)
    String refused(ApiException ex, HttpServletRequest request, HttpServletResponse response, Model model) {
        return switch (ex.status()) {
            case 401 -> sessionEnded(new SessionEndedException("the API refused the access token", ex), request);
            case 403 -> page(response, model, HttpStatus.FORBIDDEN, "Not for you", ex.getMessage());
            case 404 -> page(response, model, HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
            default -> page(response, model, ex.status() >= 500 ? HttpStatus.BAD_GATEWAY : HttpStatus.valueOf(ex.status()),
                    "That did not work", ex.getMessage());
        };
    }

    static String page(HttpServletResponse response, Model model, HttpStatus status, String title, String message) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "problem";
    }

    /** Spring Security's access-denied page (a form without its CSRF token, for one): forwarded to with any method. */
    @Controller
    static class ForbiddenPage {

        @RequestMapping("/portal/forbidden")
        String forbidden(HttpServletResponse response, Model model) {
            return page(response, model, HttpStatus.FORBIDDEN, "Not allowed",
                    "That request was refused. Reload the page and try again.");
        }
    }
}
