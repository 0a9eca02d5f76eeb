package org.ssoplatform.resourceserver.servlet;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ssoplatform.resourceserver.PlatformProblem;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/** Answers every authentication failure as {@link PlatformProblem#forAuthenticationFailure} decides. */
public final class PlatformAuthenticationEntryPoint implements AuthenticationEntryPoint {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ProblemResponses.write(request, response, PlatformProblem.forAuthenticationFailure(failure));
    }
}
