package org.ssoplatform.auth.device;

import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;

/**
 * The consents of device sign-ins, which are never remembered: a person approves every device on its own, so a
 * typed-in code never signs a device in by itself (RFC 8628 section 5.4), and "Deny" is never turned into
 * "Allow" by scopes granted to the client before.
 */
final class UnrememberedConsents implements OAuth2AuthorizationConsentService {

    @Override
    public void save(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public void remove(OAuth2AuthorizationConsent authorizationConsent) {
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return null;
    }
}
