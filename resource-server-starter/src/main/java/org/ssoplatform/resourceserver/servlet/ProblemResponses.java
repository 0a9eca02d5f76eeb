package org.ssoplatform.resourceserver.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssoplatform.resourceserver.PlatformProblem;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** Writes a {@link PlatformProblem} from the security filters, which run before Spring MVC's message converters. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, PlatformProblem problem)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(problem.status().value());
        if (problem.wwwAuthenticate() != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, problem.wwwAuthenticate());
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(problem.body(request.getRequestURI()));
        response.flushBuffer();
    }
}
