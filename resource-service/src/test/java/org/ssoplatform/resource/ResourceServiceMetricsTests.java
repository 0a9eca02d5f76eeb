package org.ssoplatform.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import org.ssoplatform.resourceserver.testing.TestTokens;
import org.ssoplatform.testsupport.PrometheusScrape;

/** resource-service's {@code /actuator/prometheus}: on its management port, with the requests it served. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceServiceMetricsTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        TestTokens.register(registry);
    }

    @Test
    void requestsAreTimedPerEndpointAndStatus() {
        RestClient.create("http://localhost:" + port).get().uri("/examples/public").retrieve().body(Map.class);

        PrometheusScrape scrape = PrometheusScrape.of(managementPort);
        assertThat(scrape.value("http_server_requests_seconds_count", "uri=\"/examples/public\"", "status=\"200\""))
            .isGreaterThanOrEqualTo(1);
        scrape.assertExposesListed("resource-service");
    }
}
