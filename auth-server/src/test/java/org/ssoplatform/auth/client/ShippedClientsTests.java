package org.ssoplatform.auth.client;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The clients as shipped: production registers no third-party redirect and no unused grant. */
class ShippedClientsTests {

    private static final String POSTMAN = "https://oauth.pstmn.io/v1/callback";

    @Test
    void theCliClientRegistersPostmansRedirectOnlyInTheLocalProfile() throws IOException {
        assertThat(clients(List.of("application.yml")).clients().get("cli").redirectUris())
            .containsExactly("http://127.0.0.1:8765/callback");
        assertThat(clients(List.of("application-local.yml", "application.yml")).clients().get("cli").redirectUris())
            .contains(POSTMAN);
    }

    @Test
    void theCliClientsRedirectsCanBeConfigured() throws IOException {
        StandardEnvironment environment = environment(List.of("application.yml"));
        environment.getPropertySources()
            .addFirst(new MapPropertySource("deployment", Map.of("CLI_REDIRECT_URIS", "http://127.0.0.1:9999/cb, " + POSTMAN)));
        assertThat(Binder.get(environment).bindOrCreate("platform", ClientProperties.class).clients().get("cli").redirectUris())
            .containsExactlyInAnyOrder("http://127.0.0.1:9999/cb", POSTMAN);
    }

    @Test
    void theCliClientIsPublicWithTheCodeAndDeviceGrantsAndNoRefreshGrantItCouldNotUse() throws IOException {
        ClientProperties.Client cli = clients(List.of("application.yml")).clients().get("cli");

        assertThat(cli.isPublic()).isTrue();
        assertThat(cli.grantTypes()).containsExactlyInAnyOrder("authorization_code",
                "urn:ietf:params:oauth:grant-type:device_code");
    }

    @Test
    void theGatewayClientHoldsOnlyTheTokenExchangeGrantItUsesAndMayNotExchangeAccessTokens() throws IOException {
        ClientProperties.Client gateway = clients(List.of("application.yml")).clients().get("gateway");

        assertThat(gateway.grantTypes()).containsExactly("urn:ietf:params:oauth:grant-type:token-exchange");
        assertThat(gateway.exchangesAccessTokens()).isFalse();
    }

    private static ClientProperties clients(List<String> files) throws IOException {
        return Binder.get(environment(files)).bindOrCreate("platform", ClientProperties.class);
    }

    private static StandardEnvironment environment(List<String> files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (String file : files) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file, new ClassPathResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        }
        return environment;
    }
}
