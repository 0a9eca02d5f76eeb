package org.ssoplatform.auth.federation;

import java.time.Duration;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.util.TestSocketUtils;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.Http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An identity provider whose discovery document cannot be fetched at start-up does not stop auth-server: the
 * others serve, the sign-in page shows it as unavailable, and it is picked up once it answers.
 */
class ProviderAvailabilityTests extends AuthServerFlow {

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aProviderDownAtStartUpIsShownUnavailableAndPickedUpOnceItAnswers() {
        int port = TestSocketUtils.findAvailableTcpPort();
        String client = "spring.security.oauth2.client.";
        MockOAuth2Server late = new MockOAuth2Server();
        try (ConfigurableApplicationContext instance = SecondInstance.start(environment,
                client + "registration.late.client-id=platform-late", client + "registration.late.client-secret=late-secret",
                client + "registration.late.client-name=Late IdP", client + "registration.late.scope=openid,email",
                client + "provider.late.issuer-uri=http://localhost:" + port + "/late",
                "platform.auth.provider-retry-interval=300ms")) {
            Http http = new Http(SecondInstance.base(instance));
            ProviderAvailability availability = instance.getBean(ProviderAvailability.class);

            assertThat(availability.isAvailable("late")).isFalse();
            assertThat(availability.isAvailable("google")).isTrue();
            Http.Response page = http.get("/login", null);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("/oauth2/authorization/google").contains("Late IdP")
                .contains("unavailable").doesNotContain("/oauth2/authorization/late");
            assertThat(http.get("/api/v1/auth/google/login", null).status()).isEqualTo(200);
            Http.Response refused = http.get("/api/v1/auth/late/login", null);
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.headers().firstValue("Retry-After")).isPresent();

            late.start(port);
            await().atMost(Duration.ofSeconds(10)).until(() -> availability.isAvailable("late"));
            assertThat(http.get("/login", null).body()).contains("/oauth2/authorization/late");
            Http.Response started = http.get("/api/v1/auth/late/login", null);
            assertThat(started.status()).as(started.body()).isEqualTo(200);
            assertThat(started.json().path("authorization_url").asString())
                .startsWith("http://localhost:" + port + "/late/authorize");
        }
        finally {
            late.shutdown();
        }
    }
}
