package org.ssoplatform.auth.role;

import java.time.Instant;
import java.util.List;

/** A role with its permissions, as the API shows it. */
public record RoleView(long id, String name, String description, Instant createdAt, List<Permission> permissions) {
}
