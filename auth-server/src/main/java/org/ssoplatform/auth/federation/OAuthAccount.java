package org.ssoplatform.auth.federation;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.core.mapping.AggregateReference;
import org.springframework.data.relational.core.mapping.Table;
import org.ssoplatform.auth.user.User;

/** One provider account (Google, GitHub, …) linked to a user. Provider tokens are not kept. */
@Table("oauth_accounts")
record OAuthAccount(@Id Long id, AggregateReference<User, Long> userId, String provider,
        String providerUserId, String email, boolean emailVerified, Instant createdAt) {

    static OAuthAccount link(long userId, FederatedIdentity identity) {
        return new OAuthAccount(null, AggregateReference.to(userId), identity.provider(), identity.subject(),
                identity.email(), identity.emailVerified(), Instant.now());
    }
}
