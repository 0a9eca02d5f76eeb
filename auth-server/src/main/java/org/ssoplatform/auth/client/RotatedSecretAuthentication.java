package org.ssoplatform.auth.client;

import java.time.Clock;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.authentication.ClientSecretAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Client authentication with a secret rotated out, during its grace period: added after the framework's own
 * client-secret check, it runs only when that one refused, and checks the presented secret exactly as the
 * framework does, against the rotated-out hash with the grace end as the secret's expiry.
 */
public final class RotatedSecretAuthentication implements AuthenticationProvider {

    private final RegisteredClientRepository clients;

    private final Clock clock;

    private final ClientSecretAuthenticationProvider previousSecret;

    public RotatedSecretAuthentication(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
            PasswordEncoder encoder) {
        this(clients, authorizations, encoder, Clock.systemUTC());
    }

    RotatedSecretAuthentication(RegisteredClientRepository clients, OAuth2AuthorizationService authorizations,
            PasswordEncoder encoder, Clock clock) {
        this.clients = clients;
        this.clock = clock;
        this.previousSecret = new ClientSecretAuthenticationProvider(new PreviousSecretView(), authorizations);
        this.previousSecret.setPasswordEncoder(encoder);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        OAuth2ClientAuthenticationToken client = (OAuth2ClientAuthenticationToken) authentication;
        RegisteredClient registered = clients.findByClientId(String.valueOf(client.getPrincipal()));
        if (registered == null || PreviousSecret.liveHash(registered, clock.instant()).isEmpty()) {
            return null; // nothing rotated out: the framework's refusal stands
        }
        return previousSecret.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return OAuth2ClientAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** The client as it was before the rotation: the rotated-out hash, expiring when the grace ends. */
    private final class PreviousSecretView implements RegisteredClientRepository {

        @Override
        public RegisteredClient findByClientId(String clientId) {
            RegisteredClient client = clients.findByClientId(clientId);
            if (client == null) {
                return null;
            }
            return PreviousSecret.liveHash(client, clock.instant())
                .map(hash -> RegisteredClient.from(client)
                    .clientSecret(hash)
                    .clientSecretExpiresAt(PreviousSecret.expiresAt(client).orElseThrow())
                    .build())
                .orElse(null);
        }

        @Override
        public RegisteredClient findById(String id) {
            throw new UnsupportedOperationException("client authentication looks clients up by client_id");
        }

        @Override
        public void save(RegisteredClient registeredClient) {
            // Reached only to upgrade a hash's encoding; platform-generated secrets are hashed as they should be.
        }
    }
}
