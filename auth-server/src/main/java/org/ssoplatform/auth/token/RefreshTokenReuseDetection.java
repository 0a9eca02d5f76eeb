package org.ssoplatform.auth.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.OAuth2RefreshToken;
import org.springframework.security.oauth2.server.authorization.OAuth2Authorization;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.ssoplatform.auth.audit.AuditLog;

/**
 * Refresh-token reuse detection (RFC 9700 §4.14.2). Refresh tokens rotate on every use
 * ({@code reuseRefreshTokens(false)}): Spring Authorization Server replaces the authorization's refresh token
 * and so forgets the old one, which from then on is simply unknown. Here the old one's SHA-256 is kept
 * ({@code rotated_refresh_tokens}) until it would have expired; presented again at the token endpoint, it
 * proves two parties hold the family (the client and whoever copied a token), so the whole authorization is
 * removed: its current refresh token and its access tokens (as introspection sees them) with it. The request
 * itself is refused as any unknown refresh token is ({@code invalid_grant}).
 */
final class RefreshTokenReuseDetection implements OAuth2AuthorizationService {

    private static final Logger log = LoggerFactory.getLogger(RefreshTokenReuseDetection.class);

    private final OAuth2AuthorizationService stored;

    private final JdbcClient jdbc;

    private final RegisteredClientRepository clients;

    private final AuditLog audit;

    public RefreshTokenReuseDetection(OAuth2AuthorizationService stored, JdbcClient jdbc,
            RegisteredClientRepository clients, AuditLog audit) {
        this.stored = stored;
        this.jdbc = jdbc;
        this.clients = clients;
        this.audit = audit;
    }

    @Override
    public void save(OAuth2Authorization authorization) {
        OAuth2Authorization.Token<OAuth2RefreshToken> next = authorization.getRefreshToken();
        OAuth2Authorization.Token<OAuth2RefreshToken> previous = next == null ? null
                : Optional.ofNullable(stored.findById(authorization.getId()))
                    .map(OAuth2Authorization::getRefreshToken)
                    .orElse(null);
        stored.save(authorization);
        if (previous != null && !previous.getToken().getTokenValue().equals(next.getToken().getTokenValue())) {
            rotatedOut(authorization.getId(), previous.getToken());
        }
    }

    @Override
    public void remove(OAuth2Authorization authorization) {
        stored.remove(authorization);
    }

    @Override
    public OAuth2Authorization findById(String id) {
        return stored.findById(id);
    }

    /**
     * Only a lookup for a refresh token (the token endpoint's refresh grant, revocation with that hint) can
     * detect a reuse; introspection and other lookups stay free of side effects.
     */
    @Override
    public OAuth2Authorization findByToken(String token, OAuth2TokenType tokenType) {
        OAuth2Authorization found = stored.findByToken(token, tokenType);
        if (found == null && OAuth2TokenType.REFRESH_TOKEN.equals(tokenType)) {
            familyOfRotatedOut(token).ifPresent(this::revokeFamily);
        }
        return found;
    }

    private void rotatedOut(String authorizationId, OAuth2RefreshToken token) {
        Instant expiresAt = token.getExpiresAt() != null ? token.getExpiresAt() : Instant.now().plusSeconds(86_400);
        jdbc.sql("DELETE FROM rotated_refresh_tokens WHERE authorization_id = :id AND expires_at < now()")
            .param("id", authorizationId)
            .update();
        jdbc.sql("""
                INSERT INTO rotated_refresh_tokens (token_hash, authorization_id, expires_at)
                VALUES (:hash, :id, :expiresAt) ON CONFLICT (token_hash) DO NOTHING""")
            .param("hash", sha256(token.getTokenValue()))
            .param("id", authorizationId)
            .param("expiresAt", Timestamp.from(expiresAt))
            .update();
    }

    private Optional<String> familyOfRotatedOut(String token) {
        return jdbc.sql("SELECT authorization_id FROM rotated_refresh_tokens WHERE token_hash = :hash AND expires_at > now()")
            .param("hash", sha256(token))
            .query(String.class)
            .optional();
    }

    private void revokeFamily(String authorizationId) {
        OAuth2Authorization family = stored.findById(authorizationId);
        if (family == null) {
            return;
        }
        stored.remove(family);
        RegisteredClient client = clients.findById(family.getRegisteredClientId());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("client_id", client != null ? client.getClientId() : family.getRegisteredClientId());
        details.put("revoked", "authorization");
        Long userId = userId(family.getPrincipalName());
        audit.recordEvent(null, "token.refresh_reuse_detected", userId != null ? "user" : "client",
                family.getPrincipalName(), details);
        log.warn("A rotated-out refresh token was presented again; its authorization for client {} is revoked",
                details.get("client_id"));
    }

    private static Long userId(String principalName) {
        try {
            return Long.valueOf(principalName);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
