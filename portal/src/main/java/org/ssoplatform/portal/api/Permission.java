package org.ssoplatform.portal.api;

import java.time.Instant;

/** A {@code resource:action} grant. */
public record Permission(long id, String name, String description, String resource, String action,
        Instant createdAt) {
}
