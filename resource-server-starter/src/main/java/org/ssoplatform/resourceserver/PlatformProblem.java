package org.ssoplatform.resourceserver;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;

/**
 * What the platform answers on a security failure, the same for servlet and reactive services: an RFC 9457 body and
 * an RFC 6750 challenge. The details are fixed texts: the decoder's own messages may quote claims of the token (its
 * expiry, its issuer), which we never echo.
 *
 * @param status the HTTP status
 * @param detail the problem's fixed {@code detail}
 * @param wwwAuthenticate the {@code WWW-Authenticate} challenge, or {@code null} for none
 */
public record PlatformProblem(HttpStatus status, String detail, String wwwAuthenticate) {

    private static final Log log = LogFactory.getLog(PlatformProblem.class);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The answer to a failed or missing authentication, including a token of the wrong kind. */
    public static PlatformProblem forAuthenticationFailure(AuthenticationException failure) {
        if (failure instanceof AuthenticationServiceException) {
            // The token could not be checked at all (the JWKS is unreachable): not the caller's fault.
            log.warn("Cannot validate bearer tokens: " + failure.getClass().getSimpleName());
            return new PlatformProblem(HttpStatus.SERVICE_UNAVAILABLE,
                    "The access token cannot be verified right now; try again shortly.", null);
        }
        if (failure instanceof OAuth2AuthenticationException oauth2
                && OAuth2ErrorCodes.INVALID_REQUEST.equals(oauth2.getError().getErrorCode())) {
            return new PlatformProblem(HttpStatus.BAD_REQUEST,
                    "The request carries a malformed Authorization header or more than one access token.",
                    bearerChallenge("invalid_request", "Malformed bearer token request"));
        }
        if (failure instanceof OAuth2AuthenticationException) {
            log.debug("Bearer token rejected: " + failure.getMessage());
            return new PlatformProblem(HttpStatus.UNAUTHORIZED,
                    "The access token is invalid, expired, or not issued for this service.",
                    bearerChallenge("invalid_token", "The access token is invalid"));
        }
        if (failure instanceof WrongAuthTypeException) {
            return new PlatformProblem(HttpStatus.UNAUTHORIZED, failure.getMessage() + ".",
                    bearerChallenge("invalid_token", failure.getMessage()));
        }
        return new PlatformProblem(HttpStatus.UNAUTHORIZED,
                "Authentication is required: send an access token as 'Authorization: Bearer <token>'.",
                bearerChallenge(null, null));
    }

    /** A valid caller without the role, permission or scope: RFC 6750's insufficient_scope. */
    public static PlatformProblem forbidden() {
        return new PlatformProblem(HttpStatus.FORBIDDEN,
                "The access token lacks a role, permission or scope this endpoint requires.",
                bearerChallenge("insufficient_scope",
                        "The request requires higher privileges than provided by the access token"));
    }

    /**
     * The problem+json body.
     *
     * @param path the request's path only: a query string may carry credentials
     */
    public byte[] body(String path) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", path);
        return JSON.writeValueAsBytes(problem);
    }

    /** RFC 6750 §3: the challenge, with an error code only when a token was presented. */
    private static String bearerChallenge(String error, String description) {
        if (error == null) {
            return "Bearer";
        }
        return "Bearer error=\"" + error + "\", error_description=\"" + description + "\"";
    }
}
