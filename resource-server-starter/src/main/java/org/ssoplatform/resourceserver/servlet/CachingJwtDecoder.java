package org.ssoplatform.resourceserver.servlet;

import org.ssoplatform.resourceserver.VerifiedTokenCache;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/** A decoder that verifies each distinct token once, then serves it from a {@link VerifiedTokenCache} until its expiry. */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder decoder;

    private final VerifiedTokenCache verified;

    CachingJwtDecoder(JwtDecoder decoder, VerifiedTokenCache verified) {
        this.decoder = decoder;
        this.verified = verified;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            return known;
        }
        Jwt jwt = decoder.decode(token);
        verified.remember(token, jwt);
        return jwt;
    }
}
