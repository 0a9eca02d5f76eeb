package org.ssoplatform.auth.token;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * A request to a client-authenticated endpoint (token, introspection, revocation) that carried no
 * client credentials at all. The client filter only answers credentials it was given, so such a request
 * reached the chain's bearer entry point; RFC 6749 5.2 wants the OAuth error, exactly as the filter
 * answers a wrong secret: 401 {@code {"error":"invalid_client"}}.
 */
public final class InvalidClientEntryPoint implements AuthenticationEntryPoint {

    private final HttpMessageConverter<OAuth2Error> errors = new OAuth2ErrorHttpMessageConverter();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        ServletServerHttpResponse httpResponse = new ServletServerHttpResponse(response);
        httpResponse.setStatusCode(HttpStatus.UNAUTHORIZED);
        errors.write(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT), null, httpResponse);
    }
}
