package org.ssoplatform.portal.api;

import java.time.Instant;
import java.util.List;

/** A role with its permissions. */
public record Role(long id, String name, String description, Instant createdAt, List<Permission> permissions) {

    public Role {
        permissions = permissions == null ? List.of() : permissions;
    }

    public boolean grants(long permissionId) {
        return permissions.stream().anyMatch(permission -> permission.id() == permissionId);
    }
}
