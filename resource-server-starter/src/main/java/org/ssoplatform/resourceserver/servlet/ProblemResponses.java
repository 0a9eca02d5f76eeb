package org.ssoplatform.resourceserver;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Writes RFC 9457 bodies from the security filters, which run before Spring MVC's message converters. Only fixed
 * texts from this library go in; nothing from the token or the exception does.
 */
final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProblemResponses() {
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
            String wwwAuthenticate) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        // The path only: a query string may carry credentials.
        problem.put("instance", request.getRequestURI());
        response.resetBuffer();
        response.setStatus(status.value());
        if (wwwAuthenticate != null) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate);
        }
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(JSON.writeValueAsBytes(problem));
        response.flushBuffer();
    }

    /** RFC 6750 §3: the challenge, with an error code only when a token was presented. */
    static String bearerChallenge(String error, String description) {
        if (error == null) {
            return "Bearer";
        }
        return "Bearer error=\"" + error + "\", error_description=\"" + description + "\"";
    }
}
