package org.ssoplatform.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.testsupport.PrometheusScrape;

/**
 * The portal's {@code /actuator/prometheus}: on its management port only, with the pages it served and the
 * sign-ins completed at its callback. auth-server is stood in by WireMock (token endpoint, JWKS, user info)
 * over real HTTP; the portal listens on a port chosen beforehand, since its public URL is the address
 * auth-server sends the browser back to.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class PortalMetricsTests {

    private static final String ISSUER = "http://localhost:1";

    private static final int PORT = freePort();

    private static final WireMockServer AUTH_SERVER = new WireMockServer(options().dynamicPort());

    private static final RSAKey SIGNING_KEY;

    static {
        AUTH_SERVER.start();
        try {
            SIGNING_KEY = new RSAKeyGenerator(2048).keyID("portal-metrics-test").generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private final HttpClient browser = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NEVER)
        .cookieHandler(new CookieManager())
        .build();

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void standIns(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("management.server.port", () -> 0);
        registry.add("platform.portal.api-url", AUTH_SERVER::baseUrl);
        registry.add("platform.portal.issuer", () -> ISSUER);
        registry.add("platform.portal.public-url", () -> "http://localhost:" + PORT);
        registry.add("platform.portal.client-secret", () -> "test-portal-secret-0123456789abcdef0123456789");
        registry.add("platform.redis.namespace", () -> "portal-test-" + UUID.randomUUID());
    }

    @AfterAll
    static void stopAuthServer() {
        AUTH_SERVER.stop();
    }

    /**
     * Sessions live in Redis: a page that needs one answers once the first connection is made (asked by a
     * browser of its own, whose session remembers that page).
     */
    @BeforeEach
    void sessionsAreStored() {
        HttpClient other = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        await().atMost(Duration.ofSeconds(20)).until(() -> fetch(other, "/portal/account", "text/html").statusCode() == 302);
    }

    @Test
    void pagesAreTimedAndTheMetricsAreOnTheManagementPortOnly() {
        assertThat(page("/").statusCode()).isEqualTo(200);

        PrometheusScrape scrape = PrometheusScrape.of(managementPort);
        assertThat(scrape.value("http_server_requests_seconds_count", "uri=\"/\"", "status=\"200\"")).isGreaterThanOrEqualTo(1);
        scrape.assertExposesListed("portal");
        HttpResponse<String> notHere = fetch("/actuator/prometheus", "text/plain");
        assertThat(notHere.statusCode()).isNotEqualTo(200);
        assertThat(notHere.body()).doesNotContain("http_server_requests_seconds");
        assertThat(fetch("/livez", "application/json").body()).contains("\"status\":\"UP\"");
        assertThat(fetch("/readyz", "application/json").body()).contains("\"status\":\"UP\"");
    }

    @Test
    void aSignInCompletedAtTheCallbackIsCountedAsASuccess() throws JOSEException {
        double before = PrometheusScrape.of(managementPort).value("platform_portal_signins_total", "outcome=\"success\"");

        HttpResponse<String> toAuthServer = page("/portal/oauth2/authorization/portal");
        var query = UriComponentsBuilder.fromUriString(toAuthServer.headers().firstValue("Location").orElseThrow())
            .build()
            .getQueryParams();
        authServerSignsIn("7", URLDecoder.decode(query.getFirst("nonce"), StandardCharsets.UTF_8));
        HttpResponse<String> back = page("/portal/login/oauth2/code/portal?code=a-code&state=" + query.getFirst("state"));

        assertThat(back.headers().firstValue("Location")).hasValue("/");
        assertThat(PrometheusScrape.of(managementPort).value("platform_portal_signins_total", "outcome=\"success\"") - before)
            .isEqualTo(1);
    }

    @Test
    void aCallbackWithoutASignInInProgressIsCountedAsAFailure() {
        double before = PrometheusScrape.of(managementPort).value("platform_portal_signins_total", "outcome=\"failure\"");

        HttpResponse<String> back = page("/portal/login/oauth2/code/portal?code=a-code&state=forged");

        assertThat(back.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/?sign-in-failed"));
        assertThat(PrometheusScrape.of(managementPort).value("platform_portal_signins_total", "outcome=\"failure\"") - before)
            .isEqualTo(1);
    }

    /** auth-server's side of a code exchange: an ID token for {@code subject} carrying the request's nonce. */
    private static void authServerSignsIn(String subject, String nonce) throws JOSEException {
        Instant now = Instant.now();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(SIGNING_KEY.getKeyID()).build(),
                new JWTClaimsSet.Builder().issuer(ISSUER)
                    .subject(subject)
                    .audience("portal")
                    .issueTime(Date.from(now))
                    .expirationTime(Date.from(now.plusSeconds(300)))
                    .claim("nonce", nonce)
                    .claim("email", "user@example.com")
                    .build());
        idToken.sign(new RSASSASigner(SIGNING_KEY));
        AUTH_SERVER.stubFor(post(urlPathEqualTo("/oauth2/token")).willReturn(okJson("""
                {"access_token": "portal-access-token", "token_type": "Bearer", "expires_in": 300,
                 "scope": "openid profile email", "id_token": "%s"}""".formatted(idToken.serialize()))));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/oauth2/jwks")).willReturn(okJson(new JWKSet(SIGNING_KEY.toPublicJWK()).toString())));
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/userinfo"))
            .willReturn(okJson("{\"sub\": \"%s\", \"email\": \"user@example.com\"}".formatted(subject))));
    }

    private HttpResponse<String> page(String path) {
        return fetch(browser, path, "text/html");
    }

    private HttpResponse<String> fetch(String path, String accept) {
        return fetch(browser, path, accept);
    }

    private static HttpResponse<String> fetch(HttpClient client, String path, String accept) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + PORT + path))
                .header("Accept", accept)
                .timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
