package org.ssoplatform.auth.role;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /roles/}: role names follow the permission parts' rule, as they travel in tokens too. */
record NewRole(
        @NotBlank @Pattern(regexp = "[a-z][a-z0-9_-]{0,49}",
                message = "must be a lowercase letter followed by lowercase letters, digits, '_' or '-' (at most 50)")
        String name,
        @Size(max = 500) String description, @Size(max = 200) Set<@NotNull Long> permissionIds) {

    Set<Long> permissionIdsOrNone() {
        return permissionIds == null ? Set.of() : permissionIds;
    }
}
