package org.ssoplatform.gateway.proxy;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway talks to the services behind it ({@code platform.gateway.backend.*}). Set on the
 * client once, where Spring Cloud Gateway's own {@code httpclient.connect-timeout} and
 * {@code response-timeout} cost every request a copy of the client's configuration and a timer on
 * Reactor's shared scheduler, another thread (see docs/performance.md#backend-timeouts).
 *
 * @param connectTimeout the longest a connection to a backend may take to open (503 after it)
 * @param responseTimeout the longest a backend may stay silent, waiting for its answer or between two
 *        reads of it, as nginx's {@code proxy_read_timeout} (504 after it)
 */
@ConfigurationProperties("platform.gateway.backend")
record BackendProperties(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("15s") Duration responseTimeout) {
}
