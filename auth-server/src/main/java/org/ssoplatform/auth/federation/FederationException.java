package org.ssoplatform.auth.federation;

import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;

/** A sign-in refused for a reason the person can act on; its message is shown to them. */
final class FederationException extends OAuth2AuthenticationException {

    FederationException(String code, String description) {
        super(new OAuth2Error(code, description, null), description);
    }
}
