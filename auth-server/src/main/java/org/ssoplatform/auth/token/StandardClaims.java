package org.ssoplatform.auth.token;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.StandardClaimNames;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * The OIDC standard claims the platform knows of a user, released by scope (OIDC Core 5.4): {@code profile}
 * gives {@code name} and {@code picture} when the user has them, {@code email} gives {@code email} and
 * {@code email_verified}. Read from the database on every call, so the ID token and UserInfo describe the
 * user as they are now, not as they were at sign-in.
 */
@Component
public class StandardClaims {

    private record Profile(String email, boolean emailVerified, String name, String picture) {
    }

    private final JdbcClient jdbc;

    StandardClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The claims for {@code scopes}, or empty when the user is gone or deactivated. */
    public Optional<Map<String, Object>> of(long userId, Set<String> scopes) {
        return load(userId).map(profile -> {
            Map<String, Object> claims = new LinkedHashMap<>();
            if (scopes.contains(OidcScopes.PROFILE)) {
                putIfSet(claims, StandardClaimNames.NAME, profile.name());
                putIfSet(claims, StandardClaimNames.PICTURE, profile.picture());
            }
            if (scopes.contains(OidcScopes.EMAIL)) {
                claims.put(StandardClaimNames.EMAIL, profile.email());
                claims.put(StandardClaimNames.EMAIL_VERIFIED, profile.emailVerified());
            }
            return claims;
        });
    }

    /**
     * A user may be provisioned from an address its provider did not verify (GitHub without the e-mails
     * scope, a provider not trusted to verify), so {@code email_verified} is not a constant: it is the
     * user's own flag, the one {@code UserProvisioner} requires before an e-mail links accounts.
     */
    private Optional<Profile> load(long userId) {
        return jdbc.sql("""
                SELECT u.email, u.email_verified, u.full_name, u.avatar_url
                FROM users u
                WHERE u.id = :id AND u.is_active""")
            .param("id", userId)
            .query((rs, n) -> new Profile(rs.getString("email"), rs.getBoolean("email_verified"),
                    rs.getString("full_name"), rs.getString("avatar_url")))
            .optional();
    }

    private static void putIfSet(Map<String, Object> claims, String name, String value) {
        if (StringUtils.hasText(value)) {
            claims.put(name, value);
        }
    }
}
