package org.ssoplatform.portal.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Sign-ins completed at the portal's callback from auth-server, by outcome ({@code platform.portal.signins}):
 * a failure here (a lost session, a refused code) is one auth-server's own {@code platform.signins} cannot see.
 */
public final class SignInMeters {

    private final Counter succeeded;

    private final Counter failed;

    public SignInMeters(MeterRegistry registry) {
        this.succeeded = counter(registry, "success");
        this.failed = counter(registry, "failure");
    }

    void succeeded() {
        succeeded.increment();
    }

    /** Counts the failure, then lets {@code next} answer the browser. */
    public AuthenticationFailureHandler countingFailures(AuthenticationFailureHandler next) {
        return (HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) -> {
            failed.increment();
            next.onAuthenticationFailure(request, response, ex);
        };
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("platform.portal.signins")
            .description("Sign-ins completed at the portal's callback from auth-server, by outcome")
            .tag("outcome", outcome)
            .register(registry);
    }
}
