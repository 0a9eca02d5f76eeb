package org.ssoplatform.auth.user;

import java.time.Instant;
import java.util.List;

import org.ssoplatform.auth.role.RoleView;

/**
 * A user as the API shows it (the seed's body; snake_case on the wire), with {@code email_verified}: whether
 * the address was verified by a trusted provider or vouched for by an administrator.
 */
public record UserView(long id, String email, boolean emailVerified, String fullName, String avatarUrl, boolean isActive,
        boolean isSuperuser, Instant createdAt, List<RoleView> roles) {
}
