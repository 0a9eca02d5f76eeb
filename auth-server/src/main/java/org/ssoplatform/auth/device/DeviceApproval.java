package org.ssoplatform.auth.device;

import java.util.function.Consumer;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationConsentAuthenticationToken;

/**
 * The person's answer on the device consent page: only the "Allow" button ({@code approve=true}) approves, even
 * a device that asked for no scope; anything else is a denial, whatever scopes it carries.
 */
final class DeviceApproval implements Consumer<OAuth2AuthorizationConsentAuthenticationContext> {

    static final String PARAMETER = "approve";

    private static final SimpleGrantedAuthority APPROVED = new SimpleGrantedAuthority("DEVICE_SIGN_IN_APPROVED");

    @Override
    public void accept(OAuth2AuthorizationConsentAuthenticationContext context) {
        OAuth2AuthorizationConsentAuthenticationToken answer = context.getAuthentication();
        if ("true".equals(answer.getAdditionalParameters().get(PARAMETER))) {
            context.getAuthorizationConsent().authority(APPROVED);
        }
        else {
            context.getAuthorizationConsent().authorities(authorities -> authorities.clear());
        }
    }
}
