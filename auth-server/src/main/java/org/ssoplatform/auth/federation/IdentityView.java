package org.ssoplatform.auth.federation;

import java.time.Instant;

/**
 * A provider account linked to the caller, as the API shows it (snake_case on the wire).
 *
 * @param emailVerified whether the address counted as verified when linked: the provider said so and is
 * trusted to ({@code platform.auth.providers.<id>.trust-email-verified})
 */
record IdentityView(long id, String provider, String providerUserId, String email, boolean emailVerified,
        Instant linkedAt) {

    static IdentityView of(OAuthAccount account) {
        return new IdentityView(account.id(), account.provider(), account.providerUserId(), account.email(),
                account.emailVerified(), account.createdAt());
    }
}
