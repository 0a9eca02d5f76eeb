package org.ssoplatform.auth.token;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * UserInfo errors as RFC 6750 §3 has them: the status and the JSON error Spring Authorization Server
 * answers, plus the {@code WWW-Authenticate} challenge it leaves out, so a client told 401 or 403 also
 * learns from the header what to do (sign in again, or ask for the {@code openid} scope).
 */
public final class UserInfoErrors implements AuthenticationFailureHandler {

    private final OAuth2ErrorHttpMessageConverter json = new OAuth2ErrorHttpMessageConverter();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        ServletServerHttpResponse http = new ServletServerHttpResponse(response);
        http.setStatusCode(switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_TOKEN -> HttpStatus.UNAUTHORIZED;
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> HttpStatus.FORBIDDEN;
            default -> HttpStatus.BAD_REQUEST;
        });
        // Only fixed codes go into the header; descriptions stay in the body.
        String challenge = switch (error.getErrorCode()) {
            case OAuth2ErrorCodes.INVALID_TOKEN -> "Bearer error=\"invalid_token\"";
            case OAuth2ErrorCodes.INSUFFICIENT_SCOPE -> "Bearer error=\"insufficient_scope\", scope=\"openid\"";
            default -> "Bearer error=\"invalid_request\"";
        };
        http.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, challenge);
        json.write(error, null, http);
    }
}
