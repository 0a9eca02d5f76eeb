package org.ssoplatform.portal.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The portal as it runs, on the machine's Redis (a namespace of its own per run), with auth-server stood in
 * by WireMock over real HTTP: each test stubs the management API answers it needs and reads what the portal
 * sent from the stand-in's journal. A signed-in person is {@link #signedIn}: an OIDC sign-in whose session
 * holds the access token {@link #ACCESS_TOKEN}.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class PortalTest {

    public static final String ACCESS_TOKEN = "portal-access-token";

    public static final String ISSUER = "http://localhost:1";

    protected static final WireMockServer AUTH_SERVER = new WireMockServer(options().dynamicPort());

    static {
        AUTH_SERVER.start();
    }

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    private ClientRegistrationRepository registrations;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("platform.portal.api-url", AUTH_SERVER::baseUrl);
        registry.add("platform.portal.issuer", () -> ISSUER);
        registry.add("platform.portal.public-url", () -> "http://localhost:8080");
        registry.add("platform.portal.client-secret", () -> "test-portal-secret-0123456789abcdef0123456789");
        registry.add("platform.portal.api-timeout", () -> "3s");
        registry.add("platform.redis.namespace", () -> "portal-test-" + UUID.randomUUID());
    }

    @BeforeEach
    void resetAuthServer() {
        AUTH_SERVER.resetAll();
    }

    /** Signed in as user {@code userId} through the portal's client, with an access token valid for an hour. */
    protected RequestPostProcessor signedIn(long userId) {
        ClientRegistration portal = registrations.findByRegistrationId("portal");
        String subject = Long.toString(userId);
        return request -> {
            MockHttpServletRequest signedIn = oidcLogin().clientRegistration(portal)
                .idToken(token -> token.subject(subject).claim("email", "user@example.com"))
                .postProcessRequest(request);
            return oauth2Client("portal").principalName(subject)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, ACCESS_TOKEN, Instant.now(),
                        Instant.now().plusSeconds(3600)))
                .postProcessRequest(signedIn);
        };
    }
}
