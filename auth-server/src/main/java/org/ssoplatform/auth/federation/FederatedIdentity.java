package org.ssoplatform.auth.federation;

/** What a provider told us about the person who signed in, normalised across providers. */
record FederatedIdentity(String provider, String subject, String email, boolean emailVerified,
        String fullName, String avatarUrl) {
}
