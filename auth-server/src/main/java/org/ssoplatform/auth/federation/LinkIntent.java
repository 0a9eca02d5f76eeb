package org.ssoplatform.auth.federation;

import java.time.Instant;
import java.util.Optional;

import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;

/**
 * A signed-in user's request to link the account they are about to sign in with at {@code provider}.
 * It is kept inside the one authorization request it was made for, so it shares that request's fate:
 * bound to its {@code state} and provider, saved until that request's own callback removes it, and
 * replaced by any other sign-in started in the browser. No other flow can see it.
 *
 * @param userId our user asking for the link
 * @param provider the registration id the authorization request goes to
 * @param expiresAt when the callback stops honouring it
 */
record LinkIntent(long userId, String provider, Instant expiresAt) {

    private static final String USER_ID = "platform_link_user_id";

    private static final String EXPIRES_AT = "platform_link_expires_at";

    /** The authorization request, carrying this intent. */
    OAuth2AuthorizationRequest bindTo(OAuth2AuthorizationRequest request) {
        if (!provider.equals(request.getAttribute(OAuth2ParameterNames.REGISTRATION_ID))) {
            throw new IllegalArgumentException("A link to " + provider + " bound to another provider's request");
        }
        return OAuth2AuthorizationRequest.from(request).attributes(attributes -> {
            attributes.put(USER_ID, userId);
            attributes.put(EXPIRES_AT, expiresAt.toEpochMilli());
        }).build();
    }

    /** The intent an authorization request carries; empty for an ordinary sign-in. */
    static Optional<LinkIntent> of(OAuth2AuthorizationRequest request) {
        Object userId = request.getAttribute(USER_ID);
        Object expiresAt = request.getAttribute(EXPIRES_AT);
        if (!(userId instanceof Long user) || !(expiresAt instanceof Long expiry)) {
            return Optional.empty();
        }
        return Optional.of(new LinkIntent(user, request.getAttribute(OAuth2ParameterNames.REGISTRATION_ID),
                Instant.ofEpochMilli(expiry)));
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
