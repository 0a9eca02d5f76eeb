package org.ssoplatform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oauth2Client;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.ssoplatform.testsupport.SilentServer;
import org.ssoplatform.testsupport.TcpProxy;

/**
 * No page waits 2 s on a dead dependency: with auth-server hung or down, or Redis (the sessions) hung or down, the
 * portal answers a readable 503 page at once. The portal reaches auth-server (a server that accepts connections and
 * never answers) and the machine's Redis through proxies that the tests cut, freeze and restore.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
class DeadDependencyTests {

    private static final SilentServer HUNG_AUTH_SERVER;

    private static final TcpProxy AUTH_SERVER;

    private static final TcpProxy REDIS;

    static {
        try {
            HUNG_AUTH_SERVER = new SilentServer();
            AUTH_SERVER = new TcpProxy("127.0.0.1", HUNG_AUTH_SERVER.port());
            REDIS = new TcpProxy("127.0.0.1", 6379);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ClientRegistrationRepository registrations;

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void deadDependencies(DynamicPropertyRegistry registry) {
        registry.add("platform.portal.api-url", () -> "http://127.0.0.1:" + AUTH_SERVER.port());
        registry.add("platform.portal.issuer", () -> "http://localhost:1");
        registry.add("platform.portal.public-url", () -> "http://localhost:8080");
        registry.add("platform.portal.client-secret", () -> "test-portal-secret-0123456789abcdef0123456789");
        registry.add("platform.redis.namespace", () -> "portal-test-" + UUID.randomUUID());
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    @AfterAll
    static void closeProxies() throws IOException {
        AUTH_SERVER.close();
        REDIS.close();
        HUNG_AUTH_SERVER.close();
    }

    @Test
    void withAuthServerHungAPageIsA503PageWithinTwoSeconds() {
        // The first page also loads the classes and templates of an answer: the next ones are measured.
        assertUnavailablePage(mvc.get().uri("/portal/account").with(signedIn(3)).exchange());

        for (int i = 0; i < 2; i++) {
            assertUnavailablePage(within(() -> mvc.get().uri("/portal/account").with(signedIn(3)).exchange()));
        }
    }

    @Test
    void withAuthServerDownAPageIsA503PageWithinTwoSeconds() throws IOException {
        assertUnavailablePage(mvc.get().uri("/portal/account").with(signedIn(3)).exchange());

        AUTH_SERVER.stop();
        try {
            for (int i = 0; i < 2; i++) {
                assertUnavailablePage(within(() -> mvc.get().uri("/portal/account").with(signedIn(3)).exchange()));
            }
        }
        finally {
            AUTH_SERVER.start();
        }
    }

    @Test
    void withRedisHungAPageIsA503PageWithinTwoSecondsAndRecoversWhenItAnswers() {
        await().atMost(Duration.ofSeconds(10)).until(() -> page("/portal/account").statusCode() == 302);

        REDIS.freeze();
        try {
            for (int i = 0; i < 2; i++) {
                assertUnavailablePage(within(() -> page("/portal/account")));
            }
        }
        finally {
            REDIS.thaw();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> page("/portal/account").statusCode() == 302);
    }

    @Test
    void withRedisDownAPageIsA503PageWithinTwoSecondsAndRecoversWhenItReturns() throws IOException {
        await().atMost(Duration.ofSeconds(10)).until(() -> page("/portal/account").statusCode() == 302);

        REDIS.stop();
        try {
            for (int i = 0; i < 2; i++) {
                assertUnavailablePage(within(() -> page("/portal/account")));
            }
        }
        finally {
            REDIS.start();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> page("/portal/account").statusCode() == 302);
    }

    private HttpResponse<String> page(String path) {
        try {
            return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html").timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static void assertUnavailablePage(MvcTestResult page) {
        assertThat(page).hasStatus(503);
        assertThat(page).bodyText().contains("Try again shortly").doesNotContain("Exception");
    }

    private static void assertUnavailablePage(HttpResponse<String> page) {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("Try again shortly").doesNotContain("Exception").doesNotContain("Redis");
    }

    private static <T> T within(Supplier<T> call) {
        long start = System.nanoTime();
        T result = call.get();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("answered within 2 s").isLessThan(Duration.ofSeconds(2));
        return result;
    }

    /** Signed in as user {@code userId} through the portal's client, with an access token valid for an hour. */
    private RequestPostProcessor signedIn(long userId) {
        ClientRegistration portal = registrations.findByRegistrationId("portal");
        String subject = Long.toString(userId);
        return request -> {
            MockHttpServletRequest signedIn = oidcLogin().clientRegistration(portal)
                .idToken(token -> token.subject(subject).claim("email", "user@example.com"))
                .postProcessRequest(request);
            return oauth2Client("portal").principalName(subject)
                .accessToken(new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "portal-access-token",
                        Instant.now(), Instant.now().plusSeconds(3600)))
                .postProcessRequest(signedIn);
        };
    }
}
