package org.ssoplatform.auth.device;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.authorization.web.authentication.OAuth2ErrorAuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.ssoplatform.auth.throttle.TokenFailures;

/**
 * The token endpoint's error answers, as the framework writes them; a device's "authorization_pending" (its
 * person has yet to approve) is the expected answer to a poll, so the failed-token-request throttle does not
 * count it. {@code slow_down} still counts: a device that keeps polling too fast is throttled in the end.
 */
final class DevicePollingErrors implements AuthenticationFailureHandler {

    static final String AUTHORIZATION_PENDING = "authorization_pending";

    private final AuthenticationFailureHandler oauth2Errors = new OAuth2ErrorAuthenticationFailureHandler();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException, ServletException {
        if (exception instanceof OAuth2AuthenticationException oauth2
                && AUTHORIZATION_PENDING.equals(oauth2.getError().getErrorCode())) {
            TokenFailures.notCounted(request);
        }
        oauth2Errors.onAuthenticationFailure(request, response, exception);
    }
}
