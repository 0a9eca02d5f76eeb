package org.ssoplatform.auth.federation;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderFactory;

/**
 * One ID-token decoder per provider, kept: Spring Security 7's {@link OidcIdTokenDecoderFactory} builds
 * a new decoder, and so downloads the provider's JWKS again, for every sign-in (a sixth of a login's CPU,
 * plus the provider's; docs/performance.md). Each decoder keeps Nimbus's JWKS cache, refreshed on an
 * unknown {@code kid}.
 */
final class IdTokenDecoders implements JwtDecoderFactory<ClientRegistration> {

    private final JwtDecoderFactory<ClientRegistration> factory = new OidcIdTokenDecoderFactory();

    private final Map<String, JwtDecoder> decoders = new ConcurrentHashMap<>();

    @Override
    public JwtDecoder createDecoder(ClientRegistration provider) {
        String key = provider.getRegistrationId() + " " + provider.getProviderDetails().getJwkSetUri();
        return decoders.computeIfAbsent(key, k -> factory.createDecoder(provider));
    }
}
