package org.ssoplatform.resourceserver;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers every authentication failure as problem+json with an RFC 6750 challenge. The descriptions are fixed
 * texts: the decoder's own messages may quote claims of the token (its expiry, its issuer), which we never echo.
 */
public final class PlatformAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final Log log = LogFactory.getLog(PlatformAuthenticationEntryPoint.class);

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof AuthenticationServiceException) {
            // The token could not be checked at all (the JWKS is unreachable): not the caller's fault.
            log.warn("Cannot validate bearer tokens: " + failure.getClass().getSimpleName());
            ProblemResponses.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The access token cannot be verified right now; try again shortly.", null);
        }
        else if (failure instanceof OAuth2AuthenticationException oauth2
                && OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth2.getError().getErrorCode())) {
            ProblemResponses.write(request, response, HttpStatus.BAD_REQUEST,
                    "The request carries a malformed Authorization header or more than one access token.",
                    ProblemResponses.bearerChallenge("invalid_request", "Malformed bearer token request"));
        }
        else if (failure instanceof OAuth2AuthenticationException) {
            log.debug("Bearer token rejected: " + failure.getMessage());
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
                    "The access token is invalid, expired, or not issued for this service.",
                    ProblemResponses.bearerChallenge("invalid_token", "The access token is invalid"));
        }
        else if (failure instanceof WrongAuthTypeException) {
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED, failure.getMessage() + ".",
                    ProblemResponses.bearerChallenge("invalid_token", failure.getMessage()));
        }
        else {
            ProblemResponses.write(request, response, HttpStatus.UNAUTHORIZED,
                    "Authentication is required: send an access token as 'Authorization: Bearer <token>'.",
                    ProblemResponses.bearerChallenge(null, null));
        }
    }
}
