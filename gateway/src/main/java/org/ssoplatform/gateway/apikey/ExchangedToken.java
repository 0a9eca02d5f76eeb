package org.ssoplatform.gateway.apikey;

import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.ssoplatform.gateway.web.Caller;
import org.ssoplatform.contract.Claims;

/**
 * A JWT auth-server issued for an API key, with its claims parsed once when it enters a cache. The
 * gateway does not verify its signature: it came over the gateway's own authenticated channel to
 * auth-server, and every backend verifies it anyway.
 *
 * @param apiKeyId the key's id ({@code api_key_id}); usage counters and rate limits are per key id.
 *        Read once: every claim read converts its value through Spring's conversion service.
 * @param authentication the caller this token makes, made once for the same reason (it reads {@code sub})
 * @param caller that caller as the rate limiter receives it, also made once
 * @param authorization {@code Bearer <value>}, the header the proxied request carries, also made once
 */
record ExchangedToken(String value, Jwt jwt, String apiKeyId, JwtAuthenticationToken authentication, Caller caller,
        String authorization) {

    private static final MappedJwtClaimSetConverter CLAIMS = MappedJwtClaimSetConverter.withDefaults(Map.of());

    static ExchangedToken parse(String value) {
        try {
            JWT parsed = JWTParser.parse(value);
            Map<String, Object> claims = CLAIMS.convert(parsed.getJWTClaimsSet().toJSONObject());
            Jwt jwt = Jwt.withTokenValue(value)
                .headers(h -> h.putAll(parsed.getHeader().toJSONObject()))
                .claims(c -> c.putAll(claims))
                .build();
            if (jwt.getExpiresAt() == null) {
                throw new IllegalArgumentException("token without exp");
            }
            return new ExchangedToken(value, jwt);
        }
        catch (ParseException | RuntimeException ex) {
            throw new IllegalArgumentException("Not a usable JWT", ex);
        }
    }

    ExchangedToken(String value, Jwt jwt) {
        this(value, jwt, jwt.getClaimAsString(Claims.API_KEY_ID), new JwtAuthenticationToken(jwt, List.of()), "Bearer " + value);
    }

    private ExchangedToken(String value, Jwt jwt, String apiKeyId, JwtAuthenticationToken authentication,
            String authorization) {
        this(value, jwt, apiKeyId, authentication, new Caller(authentication), authorization);
    }

    /** How long this token may still be served from a cache: up to its expiry less the margin. */
    Duration cacheableFor(Instant now, Duration margin) {
        return Duration.between(now, jwt.getExpiresAt().minus(margin));
    }

    /**
     * Whether to exchange the key again ahead of time: nine tenths of the span in which this token may be
     * served (from {@code iat} to its expiry less the margin) have passed. A token just issued is never
     * due, however short it lives, so exchanging again cannot turn into an exchange per request.
     */
    boolean refreshDue(Instant now, Duration margin) {
        Instant issuedAt = jwt.getIssuedAt();
        if (issuedAt == null) {
            return false;
        }
        // In milliseconds: asked on every request, and Duration.dividedBy divides a BigDecimal.
        long servableUntil = jwt.getExpiresAt().toEpochMilli() - margin.toMillis();
        return servableUntil - now.toEpochMilli() < (servableUntil - issuedAt.toEpochMilli()) / 10;
    }

    boolean expired(Instant now) {
        return !now.isBefore(jwt.getExpiresAt());
    }

    @Override
    public String toString() {
        return "ExchangedToken[apiKeyId=" + apiKeyId() + "]"; // never the token itself
    }
}
