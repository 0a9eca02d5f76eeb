package org.ssoplatform.gateway.portal;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
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

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.StandIns;
import org.ssoplatform.gateway.support.TestTokens;

/** The portal's back end: login at auth-server (stood in), a Redis session, token relay to the APIs. */
class PortalLoginTests extends SharedGateway {

    /** Not Spring's default "SESSION", which auth-server on the same host would overwrite. */
    private static final String SESSION_COOKIE = "GATEWAY_SESSION";

    /** Where the session keeps the portal's tokens (WebSessionServerOAuth2AuthorizedClientRepository). */
    private static final String AUTHORIZED_CLIENTS = WebSessionServerOAuth2AuthorizedClientRepository.class.getName()
            + ".AUTHORIZED_CLIENTS";

    @Value("${platform.redis.namespace}")
    String namespace;

    @Test
    void loginWithPkceCreatesARedisSessionAndRelaysTheTokenWithoutTheCookie() {
        String sub = "portal-" + UUID.randomUUID();
        EntityExchangeResult<Void> start = client().get().uri("/oauth2/authorization/portal").exchange()
            .expectStatus().is3xxRedirection().expectBody().isEmpty();
        URI authorize = start.getResponseHeaders().getLocation();
        Map<String, String> query = UriComponentsBuilder.fromUri(authorize).build().getQueryParams().toSingleValueMap();
        assertThat(authorize.toString()).startsWith(TestTokens.ISSUER + "/oauth2/authorize");
        assertThat(query).containsEntry("client_id", "portal").containsEntry("code_challenge_method", "S256")
            .containsKey("code_challenge");
        // What auth-server registers for the portal: <the gateway's public address>/login/oauth2/code/portal.
        assertThat(decode(query.get("redirect_uri"))).isEqualTo("http://127.0.0.1:" + port + "/login/oauth2/code/portal");
        String beforeSignIn = cookie(start, SESSION_COOKIE); // holds the authorization request meanwhile
        String code = "code-" + UUID.randomUUID();
        String accessToken = TestTokens.user(sub);
        stubTokenEndpoint(code, accessToken, idToken(sub, decode(query.get("nonce")), "ada@example.com"));
        stubUserInfo(sub, "ada@example.com");

        EntityExchangeResult<Void> callback = client().get()
            .uri("/login/oauth2/code/portal?code={code}&state={state}", code, decode(query.get("state")))
            .cookie(SESSION_COOKIE, beforeSignIn)
            .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();
        assertThat(callback.getResponseHeaders().getLocation().getPath()).isEqualTo("/");
        String session = cookie(callback, SESSION_COOKIE);

        String startPage = client().get().uri("/").cookie(SESSION_COOKIE, session).exchange()
            .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(startPage).contains("Signed in as").contains("ada@example.com").doesNotContain("id=\"sign-in\"");

        client().get().uri("/portal/me").cookie(SESSION_COOKIE, session).exchange()
            .expectStatus().isOk()
            .expectBody().jsonPath("$.sub").isEqualTo(sub).jsonPath("$.email").isEqualTo("ada@example.com");
        LoggedRequest tokenRequest = STAND_INS.authServer
            .findAll(postRequestedFor(urlPathEqualTo(StandIns.TOKEN_PATH)).withRequestBody(containing(code)))
            .get(0);
        assertThat(tokenRequest.getBodyAsString()).contains("code_verifier=");
        // Signing in made a new session (a new id, against fixation), kept in Redis with the person in it.
        assertThat(session).isNotEqualTo(beforeSignIn);
        assertThat(redis.<String, String>opsForHash().keys(sessionKey(session)).collectList().block())
            .contains("sessionAttr:SPRING_SECURITY_CONTEXT", "sessionAttr:" + AUTHORIZED_CLIENTS);
        assertThat(redis.hasKey(sessionKey(beforeSignIn)).block()).as("the session before sign-in").isFalse();

        String path = "/examples/portal-" + UUID.randomUUID();
        client().get().uri("/portal/api" + path).cookie(SESSION_COOKIE, session).exchange().expectStatus().isOk();
        LoggedRequest received = backendReceived(path).get(0);
        assertThat(received.getHeader("Authorization")).isEqualTo("Bearer " + accessToken);
        assertThat(received.containsHeader("Cookie")).isFalse();
    }

    @Test
    void theStartPageOffersSignInAndTheDocsToAnyone() {
        String page = client().get().uri("/").header("Accept", "text/html").exchange()
            .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
            .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("href=\"/oauth2/authorization/portal\"").contains("href=\"/docs\"")
            .contains("href=\"/redoc\"").doesNotContain("Signed in as");
    }

    @Test
    void theStartPageEscapesWhatTheIdentityProviderSaid() {
        String sub = "portal-" + UUID.randomUUID();
        String session = signIn(sub, "<script>alert(1)</script>@example.com");

        String page = client().get().uri("/").cookie(SESSION_COOKIE, session).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;@example.com").doesNotContain("<script>");
    }

    @Test
    void aFailedSignInReturnsToTheStartPageWhichSaysSo() {
        EntityExchangeResult<Void> start = client().get().uri("/oauth2/authorization/portal").exchange()
            .expectStatus().is3xxRedirection().expectBody().isEmpty();

        EntityExchangeResult<Void> callback = client().get()
            .uri("/login/oauth2/code/portal?code=stolen&state=forged-" + UUID.randomUUID())
            .cookie(SESSION_COOKIE, cookie(start, SESSION_COOKIE))
            .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();

        assertThat(callback.getResponseHeaders().getLocation()).hasPath("/").hasQuery("error");
        String page = client().get().uri(callback.getResponseHeaders().getLocation().toString()).exchange()
            .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("Signing in did not succeed").contains("id=\"sign-in\"");
    }

    @Test
    void portalEndpointsWithoutASessionGet401ProblemNotARedirect() {
        client().get().uri("/portal/me").exchange()
            .expectStatus().isUnauthorized()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void portalWritesWithoutCsrfTokenAreForbidden() {
        client().post().uri("/portal/api/examples/x").exchange()
            .expectStatus().isForbidden()
            .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }


    /** The whole login with auth-server stood in: the session cookie of {@code sub}, signed in. */
    private String signIn(String sub, String email) {
        EntityExchangeResult<Void> start = client().get().uri("/oauth2/authorization/portal").exchange()
            .expectStatus().is3xxRedirection().expectBody().isEmpty();
        Map<String, String> query = UriComponentsBuilder.fromUri(start.getResponseHeaders().getLocation()).build()
            .getQueryParams().toSingleValueMap();
        String code = "code-" + UUID.randomUUID();
        stubTokenEndpoint(code, TestTokens.user(sub), idToken(sub, decode(query.get("nonce")), email));
        stubUserInfo(sub, email);
        EntityExchangeResult<Void> callback = client().get()
            .uri("/login/oauth2/code/portal?code={code}&state={state}", code, decode(query.get("state")))
            .cookie(SESSION_COOKIE, cookie(start, SESSION_COOKIE))
            .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();
        return cookie(callback, SESSION_COOKIE);
    }

    private static void stubUserInfo(String sub, String email) {
        STAND_INS.authServer.stubFor(get("/userinfo")
            .willReturn(okJson("{\"sub\":\"" + sub + "\",\"email\":\"" + email + "\"}")));
    }

    private String sessionKey(String sessionId) {
        return namespace + ":session:sessions:" + sessionId;
    }

    private static void stubTokenEndpoint(String code, String accessToken, String idToken) {
        STAND_INS.authServer.stubFor(post(StandIns.TOKEN_PATH).withRequestBody(containing("code=" + code))
            .willReturn(okJson("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                    + "\"refresh_token\":\"refresh-" + code + "\",\"scope\":\"openid profile email\",\"id_token\":\""
                    + idToken + "\"}")));
    }

    private static String idToken(String sub, String nonce, String email) {
        Instant now = Instant.now();
        return TestTokens.sign(new JWTClaimsSet.Builder().issuer(TestTokens.ISSUER)
            .audience(List.of("portal"))
            .subject(sub)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .claim("nonce", nonce)
            .claim("email", email)
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
