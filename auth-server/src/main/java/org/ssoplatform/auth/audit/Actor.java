package org.ssoplatform.auth.audit;

import java.util.Set;

import org.springframework.http.HttpStatus;
import org.ssoplatform.auth.shared.ApiProblem;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.PlatformCaller;

/**
 * Who is changing something, read from the validated access token.
 *
 * @param userId the user acting (for an API-key token: the key's owner)
 * @param apiKeyId the key the token was exchanged for, or {@code null} for a user's own token
 * @param admin whether the token carries the {@code admin} role
 * @param permissions the token's {@code resource:action} permissions
 */
public record Actor(long userId, Long apiKeyId, boolean admin, Set<String> permissions) {

    public static final String ADMIN_ROLE = "admin";

    public static Actor of(PlatformCaller caller) {
        try {
            Long apiKeyId = caller.authType() == AuthType.API_KEY ? Long.valueOf(caller.apiKeyId()) : null;
            return new Actor(Long.parseLong(caller.userId()), apiKeyId, caller.hasRole(ADMIN_ROLE),
                    caller.permissions());
        }
        catch (NumberFormatException ex) {
            // Only client-credentials tokens have a non-numeric subject, and they are refused before this.
            throw ApiProblem.of(HttpStatus.FORBIDDEN, "not_a_user", "This endpoint needs a user's token.");
        }
    }

    public boolean holds(String permission) {
        return admin || permissions.contains(permission);
    }
}
