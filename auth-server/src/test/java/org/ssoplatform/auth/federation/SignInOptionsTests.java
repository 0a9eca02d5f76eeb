package org.ssoplatform.auth.federation;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The name and mark each provider gets on the sign-in page, from the configuration people write. */
class SignInOptionsTests {

    @Test
    void aGoogleRegistrationSetUpByIssuerUriIsGoogleNotItsIssuersAddress() {
        SignInOptions options = options(Map.of(), registration("google", "https://accounts.google.com",
                "https://accounts.google.com/o/oauth2/v2/auth"));

        assertThat(options.all()).extracting(SignInOptions.Option::name, SignInOptions.Option::mark)
            .containsExactly(tuple("Google", "google"));
    }

    @Test
    void anyOidcProviderShowsItsConfiguredDisplayNameAndMark() {
        SignInOptions options = options(
                Map.of("corp", new FederationProperties.Provider(null, "  Corp SSO ", null),
                        "ghe", new FederationProperties.Provider(null, "GitHub Enterprise", "github"),
                        "odd", new FederationProperties.Provider(null, null, "../../etc/passwd")),
                registration("corp", "https://login.corp.example/realms/staff", "https://login.corp.example/auth"),
                registration("ghe", "ghe", "https://ghe.corp.example/login/oauth/authorize"),
                registration("odd", "https://odd.example", "https://odd.example/authorize"));

        assertThat(options.find("corp")).map(SignInOptions.Option::name).hasValue("Corp SSO");
        assertThat(options.find("corp")).map(SignInOptions.Option::mark).hasValue("oidc");
        assertThat(options.find("ghe")).map(SignInOptions.Option::mark).hasValue("github");
        // Only the platform's own marks are ever named, whatever the configuration says.
        assertThat(options.find("odd")).map(SignInOptions.Option::mark).hasValue("oidc");
        assertThat(options.find("odd")).map(SignInOptions.Option::name).hasValue("Odd");
    }

    @Test
    void withoutADisplayNameAClientNameIsUsedUnlessItIsAnAddressThenTheId() {
        SignInOptions options = options(Map.of(),
                registration("local", "Local test IdP (stand-in for Google)", "http://localhost:9099/local/authorize"),
                registration("okta", "http://localhost:4242/okta", "http://localhost:4242/okta/authorize"),
                registration("github", "github", "https://github.com/login/oauth/authorize"),
                registration("keycloak", "keycloak", "https://kc.example/auth"));

        assertThat(options.all()).extracting(SignInOptions.Option::id, SignInOptions.Option::name,
                SignInOptions.Option::mark)
            .containsExactly(tuple("github", "GitHub", "github"), tuple("keycloak", "Keycloak", "oidc"),
                    tuple("local", "Local test IdP (stand-in for Google)", "local"), tuple("okta", "Okta", "oidc"));
    }

    @Test
    void theDisplayNameAndMarkBindFromPlatformAuthProviders() {
        Map<String, String> settings = Map.of("platform.auth.providers.corp.display-name", "Corp SSO",
                "platform.auth.providers.corp.mark", "oidc", "platform.auth.providers.corp.trust-email-verified", "true");

        FederationProperties properties = new Binder(new MapConfigurationPropertySource(settings))
            .bindOrCreate("platform.auth", Bindable.of(FederationProperties.class));

        assertThat(properties.providers().get("corp")).isEqualTo(new FederationProperties.Provider(true, "Corp SSO", "oidc"));
        assertThat(properties.linkIntentTtl()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void aRegistrationMadeFromSpringBootsPropertiesGetsTheSameName() {
        OAuth2ClientProperties properties = new OAuth2ClientProperties();
        OAuth2ClientProperties.Registration github = new OAuth2ClientProperties.Registration();
        github.setClientId("id");
        github.setClientSecret("secret");
        properties.getRegistration().put("github", github);

        SignInOptions options = new SignInOptions(
                new FederationConfig().clientRegistrationRepository(properties, federation(Map.of())),
                federation(Map.of()));

        assertThat(options.all()).extracting(SignInOptions.Option::name).containsExactly("GitHub");
    }

    private static SignInOptions options(Map<String, FederationProperties.Provider> configured,
            ClientRegistration... registrations) {
        return new SignInOptions(List.of(registrations), federation(configured));
    }

    private static FederationProperties federation(Map<String, FederationProperties.Provider> configured) {
        return new FederationProperties(configured, Duration.ofMinutes(10), Duration.ofMinutes(5),
                Duration.ofSeconds(5), Duration.ofSeconds(5), java.net.URI.create("http://localhost:8080/portal/account"));
    }

    /** As Boot builds it; an {@code issuer-uri} registration gets the issuer's address as client name. */
    private static ClientRegistration registration(String id, String clientName, String authorizationUri) {
        return ClientRegistration.withRegistrationId(id)
            .clientId("client-" + id)
            .clientName(clientName)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
            .authorizationUri(authorizationUri)
            .tokenUri(authorizationUri + "/token")
            .build();
    }
}
