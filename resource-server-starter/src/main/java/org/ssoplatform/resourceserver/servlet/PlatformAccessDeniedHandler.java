package org.ssoplatform.resourceserver;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A valid caller without the role, permission or scope: 403 as problem+json, RFC 6750's insufficient_scope. */
public final class PlatformAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN,
                "The access token lacks a role, permission or scope this endpoint requires.",
                ProblemResponses.bearerChallenge("insufficient_scope",
                        "The request requires higher privileges than provided by the access token"));
    }
}
