package org.ssoplatform.gateway.tracing;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Head sampling ({@link HeadSampling}) with tracing on: the observation predicate that decides, the
 * tracer's sampler that follows that decision, and no timers of the sampled observations ({@link UntimedHttpObservations}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "management.tracing.enabled", matchIfMissing = true)
class TracingConfig {

    @Bean
    HeadSampling headSampling(@Value("${management.tracing.sampling.probability:0.1}") double probability) {
        return new HeadSampling(probability);
    }

    /** Spring Boot's meter handler of observations, as {@link UntimedHttpObservations}. */
    @Bean
    static BeanPostProcessor untimedHttpObservations(ObjectProvider<MeterRegistry> registry,
            ObjectProvider<MetricsProperties> metrics) {
        return new BeanPostProcessor() {

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DefaultMeterObservationHandler && !(bean instanceof UntimedHttpObservations)) {
                    return new UntimedHttpObservations(registry.getObject(), metrics.getObject()
                        .getObservations()
                        .getIgnoredMeters()
                        .toArray(DefaultMeterObservationHandler.IgnoredMeters[]::new));
                }
                return bean;
            }
        };
    }

    /**
     * Spring Boot's sampler (parent-based, the configured probability for a new trace), except that a request's
     * server span without a parent is always recorded: {@link HeadSampling} has already sampled its request,
     * and a second draw would sample the square of the probability.
     */
    @Bean
    Sampler otelSampler(@Value("${management.tracing.sampling.probability:0.1}") double probability) {
        Sampler configured = Sampler.parentBased(Sampler.traceIdRatioBased(probability));
        return new Sampler() {

            @Override
            public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
                    Attributes attributes, List<LinkData> links) {
                if (kind == SpanKind.SERVER && !Span.fromContext(parent).getSpanContext().isValid()) {
                    return SamplingResult.recordAndSample();
                }
                return configured.shouldSample(parent, traceId, name, kind, attributes, links);
            }

            @Override
            public String getDescription() {
                return "HeadSampledRequests{" + configured.getDescription() + "}";
            }
        };
    }
}
