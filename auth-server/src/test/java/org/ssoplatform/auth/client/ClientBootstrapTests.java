package org.ssoplatform.auth.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.ssoplatform.auth.shared.AuthServerProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Clients as configured under {@code platform.clients.<id>.*} become registered clients. */
class ClientBootstrapTests {

    private static final String SECRET = "4f1c2a9e7b3d58c06e21f9a4b7d3c8e15a6f0b2d9c4e7a13f85b6d2c0e9a7f41";

    private final AuthServerProperties auth = new AuthServerProperties("http://localhost:9000", "platform-api",
            Duration.ofMinutes(15), Duration.ofHours(8), Duration.ofMinutes(5), List.of(), Duration.ofMinutes(10), "cli",
            Duration.ofSeconds(5));

    @Test
    void aClientsOwnAccessTokenLifetimeReplacesThePlatformsForItsTokensAlone() {
        ClientProperties properties = bind(Map.of("platform.clients.portal.secret", SECRET,
                "platform.clients.portal.grant-types", "authorization_code, refresh_token",
                "platform.clients.portal.redirect-uris", "http://localhost:8080/login/oauth2/code/portal",
                "platform.clients.portal.access-token-ttl", "5s", "platform.clients.cli.grant-types",
                "authorization_code", "platform.clients.cli.redirect-uris", "http://127.0.0.1:8765/callback"));

        assertThat(registered(properties, "portal").getTokenSettings().getAccessTokenTimeToLive())
            .isEqualTo(Duration.ofSeconds(5));
        assertThat(registered(properties, "cli").getTokenSettings().getAccessTokenTimeToLive())
            .isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void aLowEntropyClientSecretStopsStartUpAndSaysHowToGenerateOne() {
        for (String weak : List.of("x".repeat(64), "abcd".repeat(16), "0123456789abcdef0123456789abcde")) {
            ClientProperties properties = bind(Map.of("platform.clients.gateway.secret", weak,
                    "platform.clients.gateway.grant-types", "urn:ietf:params:oauth:grant-type:token-exchange"));

            assertThatThrownBy(() -> registered(properties, "gateway")).as(weak)
                .hasMessageContaining("platform.clients.gateway.secret")
                .hasMessageContaining("openssl rand -hex 32");
        }
    }

    private RegisteredClient registered(ClientProperties properties, String clientId) {
        ClientBootstrap bootstrap = new ClientBootstrap(null, properties, auth,
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return bootstrap.toRegisteredClient(clientId, properties.clients().get(clientId), null);
    }

    private static ClientProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("platform", ClientProperties.class);
    }
}
