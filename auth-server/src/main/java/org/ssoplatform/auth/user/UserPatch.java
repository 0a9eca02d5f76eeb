package org.ssoplatform.auth.user;

import jakarta.validation.constraints.NotNull;

/** {@code PATCH /users/{id}}: only the account's status can change here; the profile comes from the provider. */
record UserPatch(@NotNull Boolean isActive) {
}
