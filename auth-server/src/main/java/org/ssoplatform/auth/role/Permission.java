package org.ssoplatform.auth.role;

import java.time.Instant;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/** A {@code resource:action} grant. */
@Table("permissions")
public record Permission(@Id Long id, String name, String description, String resource, String action,
        Instant createdAt) {

    /** The same rule as the {@code permissions_part_format} constraint of the schema. */
    public static final Pattern PART = Pattern.compile("[a-z][a-z0-9_-]{0,49}");

    public static Permission newPermission(String resource, String action, String description) {
        return new Permission(null, resource + ":" + action, description, resource, action, Instant.now());
    }
}
