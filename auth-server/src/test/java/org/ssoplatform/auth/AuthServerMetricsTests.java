package org.ssoplatform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.web.client.RestClient;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.testsupport.PrometheusScrape;

/** What auth-server's {@code /actuator/prometheus} shows after the requests that move its meters. */
class AuthServerMetricsTests extends AuthServerFlow {

    @LocalManagementPort
    int managementPort;

    @Test
    void tokensIssuedAreCountedByGrantType() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);

        new OAuthClient(BASE).clientCredentialsToken();

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(after.value("platform_tokens_issued_total", "grant_type=\"client_credentials\"")
                - before.value("platform_tokens_issued_total", "grant_type=\"client_credentials\"")).isEqualTo(1);
    }

    @Test
    void aRefusedSignInIsCountedAsAFailureAndAnUnknownProviderIsNotATagValue() {
        PrometheusScrape before = PrometheusScrape.of(managementPort);

        RestClient.create(BASE).get().uri("/api/v1/auth/no-such-provider-{n}/callback?code=x&state=y", System.nanoTime())
            .exchange((request, response) -> response.getStatusCode().value());

        PrometheusScrape after = PrometheusScrape.of(managementPort);
        assertThat(after.value("platform_signins_total", "outcome=\"failure\"")
                - before.value("platform_signins_total", "outcome=\"failure\"")).isEqualTo(1);
        assertThat(after.names()).noneMatch(name -> name.contains("no-such-provider"));
        assertThat(after.value("platform_signins_total", "provider=\"other\"", "outcome=\"failure\"")).isPositive();
    }

    @Test
    void redisPostgresAndRequestMetersAreExposed() {
        new OAuthClient(BASE).clientCredentialsToken();

        PrometheusScrape scrape = PrometheusScrape.of(managementPort);
        assertThat(scrape.names()).contains("hikaricp_connections_active", "http_server_requests_seconds_bucket");
        scrape.assertExposesListed("auth-server");
    }
}
