package org.ssoplatform.auth.federation;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;

/** A provider's ID-token decoder, and with it the provider's JWKS it has fetched, lives across sign-ins. */
class IdTokenDecodersTests {

    private final IdTokenDecoders decoders = new IdTokenDecoders();

    @Test
    void everySignInWithOneProviderUsesTheSameDecoder() {
        assertThat(decoders.createDecoder(provider("google", "https://idp.test/jwks")))
            .isSameAs(decoders.createDecoder(provider("google", "https://idp.test/jwks")));
    }

    @Test
    void anotherProviderOrAMovedKeySetGetsItsOwnDecoder() {
        var google = decoders.createDecoder(provider("google", "https://idp.test/jwks"));
        assertThat(decoders.createDecoder(provider("entra", "https://idp.test/jwks"))).isNotSameAs(google);
        assertThat(decoders.createDecoder(provider("google", "https://idp.test/jwks-2"))).isNotSameAs(google);
    }

    private static ClientRegistration provider(String id, String jwkSetUri) {
        return ClientRegistration.withRegistrationId(id)
            .clientId("client")
            .clientSecret("secret")
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .scope("openid")
            .authorizationUri("https://idp.test/authorize")
            .tokenUri("https://idp.test/token")
            .jwkSetUri(jwkSetUri)
            .build();
    }
}
