package org.ssoplatform.gateway.bearer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.ssoplatform.gateway.web.Caller;

/**
 * Recognises a bearer token the API chain has already accepted, for the edge's bearer lane: the request's
 * {@code Authorization} header is exactly {@code Bearer } (any case) and a token that passed every check and
 * has not expired. Only the API chain's own verification puts a token here (as Spring Security's
 * {@code ServerBearerTokenAuthenticationConverter} extracted it), so a header this recognises is one that
 * converter reads as the same token; any other request, including a first use, goes through the chain.
 */
public final class BearerAuthenticator {

    private static final String PREFIX = "Bearer ";

    private final VerifiedTokenCache verified;

    /** {@code verified} null: no token is remembered ({@code platform.gateway.jwt.verified-tokens: 0}). */
    BearerAuthenticator(VerifiedTokenCache verified) {
        this.verified = verified;
    }

    /** The caller the API chain made of this request's token when it accepted it, or null. */
    public Caller known(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (this.verified == null || authorization == null || authorization.length() <= PREFIX.length()
                || !authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return this.verified.caller(authorization.substring(PREFIX.length()));
    }
}
