package org.ssoplatform.gateway.tracing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.Observation;

import org.springframework.cloud.gateway.filter.headers.observation.GatewayContext;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.reactive.function.client.ClientRequestObservationContext;

/**
 * Spring Boot's meter handler of observations, except for the HTTP ones: only sampled requests are observed
 * ({@link HeadSampling}), so their timers would count one request in ten, and requests are timed per route by
 * {@code spring.cloud.gateway.requests} instead. For each sampled request the handler would otherwise build
 * the tags of each observation, look up its timer and open the span's scope for exemplars (see
 * docs/performance.md#observations-and-metrics). Other observations (Redis commands) keep their timers.
 */
final class UntimedHttpObservations extends DefaultMeterObservationHandler {

    UntimedHttpObservations(MeterRegistry registry, IgnoredMeters... ignoredMeters) {
        super(registry, ignoredMeters);
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return !(context instanceof ServerRequestObservationContext || context instanceof GatewayContext
                || context instanceof ClientRequestObservationContext) && super.supportsContext(context);
    }
}
