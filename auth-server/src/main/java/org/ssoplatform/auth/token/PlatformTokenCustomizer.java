package org.ssoplatform.auth.token;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.ssoplatform.auth.apikey.ApiKeyPrincipal;
import org.ssoplatform.auth.shared.AuthServerProperties;
import org.ssoplatform.auth.user.UserGrants;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.contract.Claims;

/**
 * Puts the platform's claims (DESIGN.md) in every token: the audience, and for a user the current
 * roles and permissions read from the database, so a refresh picks up every change and a
 * deactivated user gets no new token. A user's ID token carries the OIDC standard claims of its
 * scopes instead, read just as freshly.
 */
class PlatformTokenCustomizer implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserGrants grants;

    private final StandardClaims standardClaims;

    private final AuthServerProperties properties;

    private final MeterRegistry meters;

    public PlatformTokenCustomizer(UserGrants grants, StandardClaims standardClaims, AuthServerProperties properties,
            MeterRegistry meters) {
        this.meters = meters;
        this.grants = grants;
        this.standardClaims = standardClaims;
        this.properties = properties;
    }

    /** Every access token is signed right after this customizer: {@code platform.tokens.issued} by grant type. */
    private void issued(JwtEncodingContext context) {
        String grantType = context.getAuthorizationGrantType() == null ? "none"
                : context.getAuthorizationGrantType().getValue();
        Counter.builder("platform.tokens.issued")
            .description("Access tokens issued, by grant type")
            .tag("grant_type", grantType)
            .register(meters)
            .increment();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        if (!idToken && !accessToken) {
            return;
        }
        if (accessToken) {
            issued(context);
            context.getClaims().audience(mutable(List.of(properties.audience())));
        }
        if (context.getPrincipal() instanceof ApiKeyPrincipal key) {
            context.getClaims().expiresAt(apiKeyTokenExpiry(context, key))
                .subject(Long.toString(key.userId()))
                .claim(StandardClaimNames.EMAIL, key.email())
                .claim(Claims.ROLES, mutable(key.roles()))
                .claim(Claims.PERMISSIONS, mutable(key.permissions()))
                .claim(Claims.AUTH_TYPE, AuthType.API_KEY.name())
                .claim(Claims.API_KEY_ID, Long.toString(key.apiKeyId()));
            if (key.rateLimit() != null) {
                context.getClaims().claim(Claims.RATE_LIMIT, key.rateLimit().asClaim());
            }
            return;
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            context.getClaims().claim(Claims.ROLES, new ArrayList<>())
                .claim(Claims.PERMISSIONS, new ArrayList<>())
                .claim(Claims.AUTH_TYPE, AuthType.CLIENT.name());
            return;
        }
        if (idToken) {
            Map<String, Object> claims = standardClaims.of(userId(context), context.getAuthorizedScopes())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
            claims.forEach(context.getClaims()::claim);
            return;
        }
        UserGrants.Grants user = grants.load(userId(context))
            .filter(UserGrants.Grants::active)
            .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT));
        context.getClaims().claim(StandardClaimNames.EMAIL, user.email())
            .claim(StandardClaimNames.EMAIL_VERIFIED, user.emailVerified())
            .claim(Claims.ROLES, mutable(user.roles()))
            .claim(Claims.PERMISSIONS, mutable(user.permissions()))
            .claim(Claims.AUTH_TYPE, AuthType.JWT.name());
    }

    /**
     * Short-lived, and never beyond the key's own expiry or its rotation grace period. A JWT counts in
     * whole seconds: a key with less than a second left would get a token that expires as it is
     * issued, so it is refused instead.
     */
    private Instant apiKeyTokenExpiry(JwtEncodingContext context, ApiKeyPrincipal key) {
        Instant issuedAt = context.getClaims().build().getIssuedAt().truncatedTo(ChronoUnit.SECONDS);
        Instant expiry = issuedAt.plus(properties.apiKeyTokenTtl());
        if (key.validUntil() != null && key.validUntil().isBefore(expiry)) {
            expiry = key.validUntil().truncatedTo(ChronoUnit.SECONDS);
        }
        if (!expiry.isAfter(issuedAt)) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
        return expiry;
    }

    /**
     * The claims are also stored with the authorization as JSON, whose type allow-list admits the
     * ordinary collections but not {@code List.of}'s.
     */
    private static List<String> mutable(List<String> values) {
        return new ArrayList<>(values);
    }

    private static long userId(JwtEncodingContext context) {
        try {
            return Long.parseLong(context.getPrincipal().getName());
        }
        catch (NumberFormatException ex) {
            throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_GRANT);
        }
    }
}
