package org.ssoplatform.auth.device;

import org.springframework.security.core.Transient;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** A public client of the device flow, named by its {@code client_id} alone; only {@link PublicDeviceClientProvider} judges it. */
@Transient
final class PublicDeviceClientToken extends OAuth2ClientAuthenticationToken {

    PublicDeviceClientToken(String clientId) {
        super(clientId, ClientAuthenticationMethod.NONE, null, null);
    }

    PublicDeviceClientToken(RegisteredClient client) {
        super(client, ClientAuthenticationMethod.NONE, null);
    }
}
