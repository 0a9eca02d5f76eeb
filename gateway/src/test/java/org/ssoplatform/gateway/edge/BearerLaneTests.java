package org.ssoplatform.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.ssoplatform.gateway.bearer.BearerAuthenticator;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;
import org.ssoplatform.gateway.web.Caller;

/**
 * The bearer lane answers a token the API chain accepted before exactly as the chain answered it, and
 * takes nothing else: every request it does not recognise is still decided by Spring Security's
 * resource-server chain (the framework's converter, decoder and failure handling).
 */
class BearerLaneTests extends SharedGateway {

    @Autowired
    BearerAuthenticator bearer;

    @Test
    void aTokenSentAgainIsRelayedByTheLaneAsTheApiChainRelayedItFirst() {
        String sub = "user-" + UUID.randomUUID();
        String jwt = TestTokens.user(sub);
        assertThat(this.bearer.known(request("Bearer " + jwt))).as("never seen: the chain decides").isNull();

        EntityExchangeResult<byte[]> first = get(uniqueBackendPath(), "Bearer " + jwt);
        Caller known = this.bearer.known(request("Bearer " + jwt));
        assertThat(known).as("accepted by the chain: the lane takes it from now on").isNotNull();
        assertThat(known.principal().getName()).isEqualTo(sub);
        EntityExchangeResult<byte[]> again = get(uniqueBackendPath(), "Bearer " + jwt);

        for (EntityExchangeResult<byte[]> result : new EntityExchangeResult[] { first, again }) {
            assertThat(result.getStatus().value()).isEqualTo(200);
            assertThat(result.getResponseHeaders().getFirst("RateLimit-Limit")).isNotBlank();
            LoggedRequest received = backendReceived(result.getUrl().getPath()).get(0);
            assertThat(received.getHeader(HttpHeaders.AUTHORIZATION)).isEqualTo("Bearer " + jwt);
            assertThat(received.getHeader("X-Correlation-Id")).isNotBlank();
        }
        assertThat(again.getResponseHeaders().getFirst("RateLimit-Remaining"))
            .as("one bucket for the user, whichever path decided")
            .isNotEqualTo(first.getResponseHeaders().getFirst("RateLimit-Remaining"));
    }

    @Test
    void theSchemeIsReadInAnyCaseAsSpringSecurityReadsIt() {
        String jwt = TestTokens.user("user-" + UUID.randomUUID());
        get(uniqueBackendPath(), "Bearer " + jwt);

        assertThat(this.bearer.known(request("bearer " + jwt))).isNotNull();
        assertThat(get(uniqueBackendPath(), "bearer " + jwt).getStatus().value()).isEqualTo(200);
        assertThat(get(uniqueBackendPath(), "BEARER " + jwt).getStatus().value()).isEqualTo(200);
    }

    @Test
    void aHeaderThatOnlyContainsAnAcceptedTokenIsStillRefusedByTheChain() {
        String jwt = TestTokens.user("user-" + UUID.randomUUID());
        get(uniqueBackendPath(), "Bearer " + jwt);

        for (String header : new String[] { "Bearer  " + jwt, "Bearer " + jwt + "x", "Bearer " + jwt.substring(1),
                "Token " + jwt, "Bearer" + jwt }) {
            assertThat(this.bearer.known(request(header))).as(header).isNull();
            String path = uniqueBackendPath();
            client().get().uri(path).header(HttpHeaders.AUTHORIZATION, header).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().exists(HttpHeaders.WWW_AUTHENTICATE);
            assertThat(backendReceived(path)).as(header).isEmpty();
        }
    }

    @Test
    void anAcceptedTokenWithAnApiKeyBesideItIsStillRefusedAsAmbiguous() {
        String jwt = TestTokens.user("user-" + UUID.randomUUID());
        get(uniqueBackendPath(), "Bearer " + jwt);

        client().get().uri(uniqueBackendPath()).header(HttpHeaders.AUTHORIZATION, "Bearer " + jwt)
            .header("X-API-Key", "sk_live_" + "a".repeat(43)).exchange()
            .expectStatus().isBadRequest();
    }

    @Test
    void anExpiredTokenLeavesTheLaneAndIsDecidedByTheChainAgain() throws InterruptedException {
        Instant expiry = Instant.now().plusSeconds(2);
        String jwt = TestTokens.sign(TestTokens.userClaims("user-" + UUID.randomUUID())
            .expirationTime(Date.from(expiry)).build(), TestTokens.KEY);
        get(uniqueBackendPath(), "Bearer " + jwt);
        assertThat(this.bearer.known(request("Bearer " + jwt))).isNotNull();

        Thread.sleep(Duration.between(Instant.now(), expiry).toMillis() + 200);

        assertThat(this.bearer.known(request("Bearer " + jwt))).isNull();
    }

    private EntityExchangeResult<byte[]> get(String path, String authorization) {
        return client().get().uri(path).header(HttpHeaders.AUTHORIZATION, authorization).exchange()
            .expectBody().returnResult();
    }

    private static MockServerHttpRequest request(String authorization) {
        return MockServerHttpRequest.get("/examples/data").header(HttpHeaders.AUTHORIZATION, authorization).build();
    }
}
