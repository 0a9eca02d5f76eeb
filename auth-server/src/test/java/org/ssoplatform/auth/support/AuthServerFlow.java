package org.ssoplatform.auth.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.ssoplatform.testsupport.RealPostgres;
import org.ssoplatform.testsupport.RealRedis;

/**
 * Flow tests against one running auth-server (shared by every subclass: one context), on real
 * PostgreSQL and Redis, with real HTTP stand-ins for Google and GitHub. Its issuer is its own
 * address, as in production.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import({ RealPostgres.class, RealRedis.class })
@ActiveProfiles("test")
public abstract class AuthServerFlow {

    protected static final int PORT = TestSocketUtils.findAvailableTcpPort();

    protected static final String BASE = "http://localhost:" + PORT;

    @DynamicPropertySource
    static void flowProperties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("platform.auth.issuer", () -> BASE);
        registry.add("platform.auth.bootstrap-admins", () -> "boss@federation.test");
        registry.add("platform.signing.publish-ahead", () -> "0s");
        // Keys are rotated by the tests that rotate them, never by the schedule in the middle of one.
        registry.add("platform.signing.check-interval", () -> "1h");
        ProviderStandIns.register(registry);
        LeakReporter.register(registry);
    }
}
