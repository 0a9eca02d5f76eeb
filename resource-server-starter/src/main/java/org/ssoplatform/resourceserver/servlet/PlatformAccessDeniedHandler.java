package org.ssoplatform.resourceserver.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssoplatform.resourceserver.PlatformProblem;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

/** A valid caller without the role, permission or scope: {@link PlatformProblem#forbidden()}. */
public final class PlatformAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        ProblemResponses.write(request, response, PlatformProblem.forbidden());
    }
}
