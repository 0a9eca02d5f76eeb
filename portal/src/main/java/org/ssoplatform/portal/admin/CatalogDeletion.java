package org.ssoplatform.portal.admin;

import org.ssoplatform.portal.api.Permission;
import org.ssoplatform.portal.api.Role;

/** What the one confirmation page says about deleting a role or a permission, and where its form posts. */
record CatalogDeletion(String kind, String name, String action, String holders) {

    static CatalogDeletion of(Role role) {
        return new CatalogDeletion("role", role.name(), "/portal/admin/roles/" + role.id() + "/delete",
                "every user and API key");
    }

    static CatalogDeletion of(Permission permission) {
        return new CatalogDeletion("permission", permission.name(),
                "/portal/admin/permissions/" + permission.id() + "/delete", "every role and API key");
    }

    /** The kind as the first word of a sentence. */
    String title() {
        return Character.toUpperCase(kind.charAt(0)) + kind.substring(1);
    }
}
