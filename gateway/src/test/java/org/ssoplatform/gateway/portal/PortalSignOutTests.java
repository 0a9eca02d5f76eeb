package org.ssoplatform.gateway.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * Signing out of the portal: {@code POST /logout} (CSRF) ends the portal session and sends the browser to
 * auth-server's end-session endpoint (OIDC RP-initiated logout); and "sign out everywhere", which auth-server
 * records in Redis ({@code {ns}:sessions-revoked:{userId}}, docs/contracts.md) and every gateway honours at
 * the session's next use.
 */
class PortalSignOutTests extends SharedGateway {

    @Value("${server.reactive.session.cookie.name:SESSION}")
    String sessionCookie;

    @Value("${platform.redis.namespace}")
    String namespace;

    record Session(String sub, String cookie, String csrf, String idToken) {
    }

    @Test
    void signingOutEndsThePortalSessionAndSendsTheBrowserToAuthServersEndSession() {
        Session session = signIn();

        EntityExchangeResult<Void> logout = client().post().uri("/logout")
            .cookie(sessionCookie, session.cookie()).cookie("XSRF-TOKEN", session.csrf())
            .header("X-XSRF-TOKEN", session.csrf())
            .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();

        URI endSession = logout.getResponseHeaders().getLocation();
        Map<String, String> query = UriComponentsBuilder.fromUri(endSession).build().getQueryParams().toSingleValueMap();
        assertThat(endSession.toString()).startsWith(TestTokens.ISSUER + "/connect/logout?");
        assertThat(query).containsEntry("id_token_hint", session.idToken());
        assertThat(decode(query.get("post_logout_redirect_uri"))).isEqualTo("http://127.0.0.1:" + port + "/");
        client().get().uri("/portal/me").cookie(sessionCookie, session.cookie()).exchange()
            .expectStatus().isUnauthorized();
    }

    @Test
    void signingOutWithoutTheCsrfTokenIsRefusedAndKeepsTheSession() {
        Session session = signIn();

        client().post().uri("/logout").cookie(sessionCookie, session.cookie()).exchange().expectStatus().isForbidden();

        client().get().uri("/portal/me").cookie(sessionCookie, session.cookie()).exchange().expectStatus().isOk();
    }

    @Test
    void aSessionWhoseUserSignedOutEverywhereEndsAtItsNextUse() {
        Session session = signIn();
        Session otherUser = signIn();
        client().get().uri("/portal/me").cookie(sessionCookie, session.cookie()).exchange().expectStatus().isOk();
        String sessionKey = namespace + ":session:sessions:" + session.cookie();
        assertThat(redis.hasKey(sessionKey).block()).isTrue();

        revokeEverywhere(session.sub(), Instant.now());

        client().get().uri("/portal/me").cookie(sessionCookie, session.cookie()).exchange()
            .expectStatus().isUnauthorized();
        String path = "/examples/revoked-" + UUID.randomUUID();
        client().get().uri("/portal/api" + path).cookie(sessionCookie, session.cookie()).exchange()
            .expectStatus().isUnauthorized();
        assertThat(backendReceived(path)).isEmpty();
        assertThat(redis.hasKey(sessionKey).block()).as("the revoked session is deleted from Redis").isFalse();
        client().get().uri("/portal/me").cookie(sessionCookie, otherUser.cookie()).exchange().expectStatus().isOk();
    }

    @Test
    void aSessionSignedInAfterTheUserSignedOutEverywhereIsUnaffected() {
        String sub = "portal-" + UUID.randomUUID();
        revokeEverywhere(sub, Instant.now().minusSeconds(1));

        Session session = signIn(sub);

        client().get().uri("/portal/me").cookie(sessionCookie, session.cookie()).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.sub").isEqualTo(sub);
    }

    /** What auth-server writes when the user signs out everywhere. */
    private void revokeEverywhere(String userId, Instant at) {
        redis.opsForValue().set(redisKeys.sessionsRevoked(userId), Long.toString(at.toEpochMilli())).block();
    }

    private Session signIn() {
        return signIn("portal-" + UUID.randomUUID());
    }

    /** The portal's sign-in with auth-server stood in: the session cookie, the CSRF cookie and the ID token. */
    private Session signIn(String sub) {
        EntityExchangeResult<Void> start = client().get().uri("/oauth2/authorization/portal").exchange()
            .expectStatus().is3xxRedirection().expectBody().isEmpty();
        Map<String, String> query = UriComponentsBuilder.fromUri(start.getResponseHeaders().getLocation()).build()
            .getQueryParams().toSingleValueMap();
        String code = "code-" + UUID.randomUUID();
        String idToken = idToken(sub, decode(query.get("nonce")));
        STAND_INS.authServer.stubFor(post(StandIns.TOKEN_PATH).withRequestBody(containing("code=" + code))
            .willReturn(okJson("{\"access_token\":\"" + TestTokens.user(sub) + "\",\"token_type\":\"Bearer\","
                    + "\"expires_in\":300,\"scope\":\"openid profile email\",\"id_token\":\"" + idToken + "\"}")));
        STAND_INS.authServer.stubFor(get("/userinfo").willReturn(okJson("{\"sub\":\"" + sub + "\"}")));
        EntityExchangeResult<Void> callback = client().get()
            .uri("/login/oauth2/code/portal?code={code}&state={state}", code, decode(query.get("state")))
            .cookie(sessionCookie, cookie(start, sessionCookie))
            .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();
        String session = cookie(callback, sessionCookie);
        EntityExchangeResult<byte[]> me = client().get().uri("/portal/me").cookie(sessionCookie, session).exchange()
            .expectStatus().isOk().expectBody().returnResult();
        return new Session(sub, session, cookie(me, "XSRF-TOKEN"), idToken);
    }

    private static String idToken(String sub, String nonce) {
        Instant now = Instant.now();
        return TestTokens.sign(new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
            .audience(List.of("portal"))
            .subject(sub)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("nonce", nonce)
            .build(), TestTokens.KEY);
    }

    private static String cookie(EntityExchangeResult<?> result, String name) {
        List<ResponseCookie> cookies = result.getResponseCookies().get(name);
        assertThat(cookies).as("Set-Cookie " + name).isNotEmpty();
        return cookies.get(0).getValue();
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
