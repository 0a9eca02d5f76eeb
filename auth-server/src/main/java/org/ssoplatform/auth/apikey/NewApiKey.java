package org.ssoplatform.auth.apikey;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api-keys/}: the seed's body. No expiry means the key lives until revoked. */
record NewApiKey(@NotBlank @Size(max = 100) String name, @Size(max = 500) String description,
        @Future Instant expiresAt, @Size(max = 50) Set<@NotNull Long> roleIds,
        @Size(max = 200) Set<@NotNull Long> permissionIds) {

    Set<Long> roleIdsOrNone() {
        return roleIds == null ? Set.of() : roleIds;
    }

    Set<Long> permissionIdsOrNone() {
        return permissionIds == null ? Set.of() : permissionIds;
    }
}
