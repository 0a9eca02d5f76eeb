package org.ssoplatform.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;

import com.github.tomakehurst.wiremock.WireMockServer;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * auth-server, a backend and the portal, stood in by WireMock over real HTTP: the JWKS of
 * {@link TestTokens}, the token endpoint answering per key as docs/contracts.md says, and a backend and a
 * portal answering 200 to anything (the headers they received are read from their request journals).
 */
public final class StandIns {

    public static final String TOKEN_PATH = "/oauth2/token";

    public final WireMockServer authServer = new WireMockServer(options().dynamicPort());

    public final WireMockServer backend = new WireMockServer(options().dynamicPort());

    public final WireMockServer portal = new WireMockServer(options().dynamicPort());

    public StandIns() {
        authServer.start();
        backend.start();
        portal.start();
        authServer.stubFor(get("/oauth2/jwks").willReturn(okJson(TestTokens.jwks())));
        authServer.stubFor(any(urlPathMatching("/api/v1/auth/.*")).willReturn(okJson("{\"ok\":true}")));
        backend.stubFor(any(anyUrl()).willReturn(okJson("{\"ok\":true}")));
        portal.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/html")
            .withBody("from the portal")));
    }

    /** Properties pointing a gateway at these stand-ins, with short test timeouts. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("platform.gateway.auth-server-url", authServer::baseUrl);
        registry.add("platform.gateway.auth-issuer", () -> TestTokens.ISSUER);
        registry.add("RESOURCE_SERVICE_URL", backend::baseUrl);
        registry.add("PORTAL_URL", portal::baseUrl);
        registry.add("platform.gateway.api-key.client-secret", () -> "test-gateway-secret-0123456789abcdef");
        registry.add("platform.gateway.api-key.exchange-timeout", () -> "1s");
        registry.add("platform.gateway.backend.response-timeout", () -> "2s");
        registry.add("platform.gateway.api-key.expiry-margin", () -> "1s");
        registry.add("platform.gateway.api-key.max-failed-attempts", () -> "5");
        // web/ClientAddressTests: a load balancer at 127.0.0.2; no other test sends from there.
        registry.add("platform.gateway.trusted-proxies", () -> "127.0.0.2/32");
        registry.add("platform.gateway.rate-limit.user.capacity", () -> "5");
        registry.add("platform.gateway.rate-limit.user.replenish-per-second", () -> "0.5");
        registry.add("platform.gateway.rate-limit.api-key.capacity", () -> "1000");
        registry.add("platform.gateway.rate-limit.api-keys.limited-key.capacity", () -> "2");
        registry.add("platform.gateway.rate-limit.api-keys.limited-key.replenish-per-second", () -> "0.1");
    }

    public void exchangeIssues(String apiKey, String jwt) {
        authServer.stubFor(post(TOKEN_PATH).withRequestBody(containing("subject_token=" + apiKey))
            .willReturn(okJson(TestTokens.tokenResponse(jwt, 300))));
    }

    public void exchangeIssues(String apiKey, String apiKeyId, Duration lifetime) {
        exchangeIssues(apiKey, TestTokens.apiKeyToken(apiKeyId, lifetime));
    }

    public void exchangeRefuses(String apiKey) {
        authServer.stubFor(post(TOKEN_PATH).withRequestBody(containing("subject_token=" + apiKey))
            .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"invalid_grant\"}")));
    }

    public int exchangesFor(String apiKey) {
        return authServer.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withRequestBody(containing("subject_token=" + apiKey))).size();
    }

    public int exchanges() {
        return authServer.findAll(postRequestedFor(urlPathEqualTo(TOKEN_PATH))).size();
    }
}
