package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.Set;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api-keys/{id}}: fields left out stay as they are. An expiry can be moved or set, not removed,
 * so a key made to expire cannot be made immortal. Grants given replace the key's grants of that kind. A
 * {@code rate_limit} of {@code null} puts the key back on the gateways' configured limit.
 */
record ApiKeyPatch(@Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 500) String description, @Future Instant expiresAt, @Size(max = 50) Set<@NotNull Long> roleIds,
        @Size(max = 200) Set<@NotNull Long> permissionIds,
        @Schema(implementation = KeyRateLimit.class, nullable = true) RateLimitChange rateLimit) {

    boolean changesGrants() {
        return roleIds != null || permissionIds != null;
    }
}
