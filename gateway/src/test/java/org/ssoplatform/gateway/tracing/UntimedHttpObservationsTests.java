package org.ssoplatform.gateway.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import org.springframework.mock.web.server.MockServerWebExchange;

/** A sampled request's HTTP observations leave no timer behind; any other observation is timed as before. */
class UntimedHttpObservationsTests {

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    private final ObservationRegistry observations = ObservationRegistry.create();

    UntimedHttpObservationsTests() {
        observations.observationConfig().observationHandler(new UntimedHttpObservations(meters));
    }

    @Test
    void theServersAndTheProxiedCallsObservationsAreNotTimed() {
        MockServerHttpRequest request = MockServerHttpRequest.get("/examples/public").build();
        Observation.createNotStarted("http.server.requests",
                () -> new ServerRequestObservationContext(request, new MockServerHttpResponse(), new HashMap<>()), observations)
            .observe(() -> { });
        Observation.createNotStarted("http.client.requests",
                () -> new GatewayContext(new HttpHeaders(), request, MockServerWebExchange.from(request)), observations)
            .observe(() -> { });

        assertThat(meters.getMeters()).isEmpty();
    }

    @Test
    void aRedisCommandsObservationIsTimed() {
        Observation.createNotStarted("lettuce", observations).observe(() -> { });

        assertThat(meters.find("lettuce").timer()).isNotNull().satisfies(timer -> assertThat(timer.count()).isEqualTo(1));
    }
}
