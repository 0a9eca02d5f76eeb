package org.ssoplatform.auth.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.user.UserGrants;

/**
 * Resolves a presented API key to what it may do, in one query: its roles, and its permissions
 * (its roles' plus its direct ones, the seed's semantics), narrowed to what its owner holds now: a
 * key was granted only what its owner held (KeyGrantPolicy), and an owner who loses a role or a
 * permission loses it on their keys too: the key's roles the owner no longer holds count for nothing,
 * and its permissions are cut to the owner's (an admin owner's keys keep everything). A key answers only
 * while it, its owner and (for a rotated-out secret) its grace period are all alive. Its own rate limit comes along,
 * for the token that carries it to the gateways.
 */
@Component
public class ApiKeyGrants {

    private final JdbcClient jdbc;

    ApiKeyGrants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ApiKeyPrincipal> resolve(String presentedKey) {
        if (!ApiKeyFormat.isWellFormed(presentedKey)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT k.id, k.user_id, u.email, k.expires_at, k.rate_limit_capacity, k.rate_limit_replenish_per_second,
                       CASE WHEN k.key_hash = :hash THEN NULL ELSE k.previous_expires_at END AS grace_ends,
                       array(SELECT r.name FROM apikey_roles kr JOIN roles r ON r.id = kr.role_id
                             WHERE kr.api_key_id = k.id AND (owner.admin OR kr.role_id = ANY (owner.role_ids))
                             ORDER BY r.name) AS roles,
                       array(SELECT p.name FROM permissions p WHERE p.id IN (
                                 SELECT rp.permission_id FROM apikey_roles kr
                                 JOIN role_permissions rp ON rp.role_id = kr.role_id
                                 WHERE kr.api_key_id = k.id AND (owner.admin OR kr.role_id = ANY (owner.role_ids))
                                 UNION
                                 SELECT kp.permission_id FROM apikey_permissions kp
                                 WHERE kp.api_key_id = k.id AND (owner.admin OR EXISTS (
                                     SELECT 1 FROM role_permissions rp
                                     WHERE rp.permission_id = kp.permission_id AND rp.role_id = ANY (owner.role_ids))))
                             ORDER BY p.name) AS permissions
                FROM api_keys k JOIN users u ON u.id = k.user_id
                CROSS JOIN LATERAL (
                    SELECT coalesce(bool_or(r.name = :admin), false) AS admin, array_agg(r.id) AS role_ids
                    FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = k.user_id) owner
                WHERE (k.key_hash = :hash OR (k.previous_key_hash = :hash AND k.previous_expires_at > now()))
                  AND k.is_active AND u.is_active AND (k.expires_at IS NULL OR k.expires_at > now())""")
            .param("hash", ApiKeyFormat.hash(presentedKey))
            .param("admin", Actor.ADMIN_ROLE)
            .query((rs, n) -> new ApiKeyPrincipal(rs.getLong("id"), rs.getLong("user_id"), rs.getString("email"),
                    UserGrants.strings(rs.getArray("roles")), UserGrants.strings(rs.getArray("permissions")),
                    earliest(instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("grace_ends"))),
                    rateLimit(rs)))
            .optional();
    }

    private static KeyRateLimit rateLimit(ResultSet rs) throws SQLException {
        int capacity = rs.getInt("rate_limit_capacity");
        return rs.wasNull() ? null : new KeyRateLimit(capacity, rs.getDouble("rate_limit_replenish_per_second"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }
}
