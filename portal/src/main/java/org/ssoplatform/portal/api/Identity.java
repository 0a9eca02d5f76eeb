package org.ssoplatform.portal.api;

import java.time.Instant;

/** A provider account linked to the signed-in user. */
public record Identity(long id, String provider, String providerUserId, String email, boolean emailVerified,
        Instant linkedAt) {
}
