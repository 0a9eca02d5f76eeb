package org.ssoplatform.auth.device;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Authenticates a {@link PublicDeviceClientToken}: the client exists and is public (registered with
 * {@code none}, no secret). A confidential client naming itself without its secret is refused, so the device
 * flow opens no way around a client secret. Whether the client may use the device grant is the grant's own check.
 */
final class PublicDeviceClientProvider implements AuthenticationProvider {

    private static final String ERROR_URI = "https://datatracker.ietf.org/doc/html/rfc6749#section-3.2.1";

    private final RegisteredClientRepository clients;

    PublicDeviceClientProvider(RegisteredClientRepository clients) {
        this.clients = clients;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        PublicDeviceClientToken request = (PublicDeviceClientToken) authentication;
        RegisteredClient client = clients.findByClientId(request.getPrincipal().toString());
        if (client == null || !client.getClientAuthenticationMethods().contains(ClientAuthenticationMethod.NONE)) {
            throw new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_CLIENT, null, ERROR_URI));
        }
        return new PublicDeviceClientToken(client);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return PublicDeviceClientToken.class.isAssignableFrom(authentication);
    }
}
