package org.ssoplatform.auth.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.ssoplatform.auth.shared.RedisNamespace;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.contract.Claims;

/**
 * Authorizations, with client-credentials tokens left out of the database: storing each machine token
 * (a SELECT, then an INSERT of a JSON-serialised row) costs more than signing it, and Keycloak stores
 * none either (docs/performance.md). Such a token is a self-contained JWT of ours: introspection verifies it with
 * our keys and answers from its claims, and revoking it records its {@code jti} in Redis until it
 * expires. Every other authorization (codes, user tokens, refresh tokens) is kept by the delegate.
 */
final class ClientTokenAuthorizations implements OAuth2AuthorizationService {

    private final OAuth2AuthorizationService stored;

    private final JwtDecoder ourAccessTokens;

    private final RegisteredClientRepository clients;

    private final StringRedisTemplate redis;

    private final RedisNamespace namespace;

    private final Clock clock;

    public ClientTokenAuthorizations(OAuth2AuthorizationService stored, JwtDecoder ourAccessTokens,
            RegisteredClientRepository clients, StringRedisTemplate redis, RedisNamespace namespace, Clock clock) {
        this.stored = stored;
        this.ourAccessTokens = ourAccessTokens;
        this.clients = clients;
        this.redis = redis;
        this.namespace = namespace;
        this.clock = clock;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        if (!isClientCredentials(authorization)) {
            stored.save(authorization);
        }
        else if (authorization.getAccessToken() != null && authorization.getAccessToken().isInvalidated()) {
            revoke(authorization.getAccessToken());
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        if (!isClientCredentials(authorization)) {
            stored.remove(authorization);
        }
        else if (authorization.getAccessToken() != null) {
            revoke(authorization.getAccessToken());
        }
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return stored.findById(id);
    }

    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = stored.findByToken(token, tokenType);
        if (found != null || (tokenType != null && !OAuth2TokenType.ACCESS_TOKEN.equals(tokenType))) {
            return found;
        }
        return clientToken(token);
    }

    private OAuth2Authorization clientToken(String value) {
        Jwt jwt;
        try {
            jwt = ourAccessTokens.decode(value);
        }
        catch (JwtException notOneOfOurAccessTokens) {
            return null;
        }
        RegisteredClient client = clients.findByClientId(jwt.getSubject());
        if (!AuthType.CLIENT.name().equals(jwt.getClaimAsString(Claims.AUTH_TYPE)) || jwt.getId() == null || client == null) {
            return null;
        }
        Set<String> scopes = scopes(jwt);
        boolean revoked = Boolean.TRUE.equals(redis.hasKey(revokedKey(jwt.getId())));
        return OAuth2Authorization.withRegisteredClient(client)
            .id("client-token:" + jwt.getId())
            .principalName(jwt.getSubject())
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .authorizedScopes(scopes)
            .token(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, value, jwt.getIssuedAt(), jwt.getExpiresAt(),
                    scopes), metadata -> {
                        metadata.put(OAuth2Authorization.Token.CLAIMS_METADATA_NAME, jwt.getClaims());
                        metadata.put(OAuth2Authorization.Token.INVALIDATED_METADATA_NAME, revoked);
                    })
            .build();
    }

    private void revoke(OAuth2Authorization.Token<OAuth2AccessToken> token) {
        Object jti = token.getClaims() != null ? token.getClaims().get(JwtClaimNames.JTI) : null;
        Instant expiresAt = token.getToken().getExpiresAt();
        if (jti == null || expiresAt == null) {
            return;
        }
        Duration remaining = Duration.between(clock.instant(), expiresAt);
        if (!remaining.isNegative() && !remaining.isZero()) {
            redis.opsForValue().set(revokedKey(jti.toString()), "revoked", remaining);
        }
    }

    private String revokedKey(String jti) {
        return namespace.key("revoked-client-token:" + jti);
    }

    private static boolean isClientCredentials(OAuth2Authorization authorization) {
        return AuthorizationGrantType.CLIENT_CREDENTIALS.equals(authorization.getAuthorizationGrantType());
    }

    private static Set<String> scopes(Jwt jwt) {
        Object scope = jwt.getClaim("scope");
        if (scope instanceof String text) {
            return text.isBlank() ? Set.of() : new LinkedHashSet<>(List.of(text.split(" ")));
        }
        List<String> listed = jwt.getClaimAsStringList("scope");
        return listed == null ? Set.of() : new LinkedHashSet<>(listed);
    }
}
