package org.ssoplatform.auth.federation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Sign-ins by provider and outcome ({@code platform.signins}). A provider nobody configured is tagged
 * {@code other}: the name comes from the request's path, and every distinct tag value is a new series.
 */
@Component
class SignInMeters {

    private final MeterRegistry registry;

    private final ClientRegistrationRepository providers;

    SignInMeters(MeterRegistry registry, ClientRegistrationRepository providers) {
        this.registry = registry;
        this.providers = providers;
    }

    void succeeded(String provider) {
        counter(provider, "success").increment();
    }

    void failed(String provider) {
        counter(provider, "failure").increment();
    }

    private Counter counter(String provider, String outcome) {
        String known = provider != null && providers.findByRegistrationId(provider) != null ? provider : "other";
        return Counter.builder("platform.signins")
            .description("Sign-ins through an identity provider, by provider and outcome")
            .tag("provider", known)
            .tag("outcome", outcome)
            .register(registry);
    }
}
