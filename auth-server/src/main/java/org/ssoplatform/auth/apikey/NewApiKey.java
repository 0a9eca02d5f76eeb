package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api-keys/}: the seed's body. No expiry means the key lives until revoked; no {@code rate_limit}, that
 * the gateways' configured limit applies to it.
 */
record NewApiKey(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
        @Future Instant expiresAt, @Size(max = 50) Set<@NotNull Long> roleIds,
        @Size(max = 200) Set<@NotNull Long> permissionIds, KeyRateLimit rateLimit) {

    Set<Long> roleIdsOrNone() {
        return roleIds == null ? Set.of() : roleIds;
    }

    Set<Long> permissionIdsOrNone() {
        return permissionIds == null ? Set.of() : permissionIds;
    }
}
