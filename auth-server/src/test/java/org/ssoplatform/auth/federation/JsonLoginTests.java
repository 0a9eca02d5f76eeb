package org.ssoplatform.auth.federation;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.user.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's JSON login: {@code /api/v1/auth/{provider}/login} then {@code /callback}. */
class JsonLoginTests extends AuthServerFlow {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
    };

    @Autowired
    JwtDecoder jwtDecoder;

    @Autowired
    UserRepository users;

    final RestClient http = RestClient.builder()
        .baseUrl(BASE)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
        })
        .build();

    @Test
    void loginReturnsTheProvidersAuthorizationUrlWithStatePkceAndNonce() {
        Map<String, Object> started = get("/api/v1/auth/google/login").getBody();

        String url = (String) started.get("authorization_url");
        assertThat(url).startsWith(ProviderStandIns.GOOGLE.issuerUrl("google").toString())
            .contains("state=" + started.get("state"), "code_challenge_method=S256", "code_challenge=", "nonce=",
                    "redirect_uri=" + BASE + "/api/v1/auth/google/callback");
    }

    @Test
    void callbackReturnsAnAccessTokenAndTheUserWithRolesAndPermissions() {
        ProviderStandIns.nextGoogleUser("g-json", "json@login.test", true, "Jason");

        ResponseEntity<Map<String, Object>> response = get(callbackFromProvider("google"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = response.getBody();
        assertThat(body).containsEntry("token_type", "bearer");
        assertThat(((Number) body.get("expires_in")).longValue()).isBetween(880L, 900L);
        @SuppressWarnings("unchecked")
        Map<String, Object> user = (Map<String, Object>) body.get("user");
        assertThat(user).containsEntry("email", "json@login.test")
            .containsEntry("full_name", "Jason")
            .containsEntry("is_active", true)
            .containsEntry("is_superuser", false)
            .containsKeys("id", "avatar_url", "created_at");
        assertThat(user.get("roles").toString()).contains("name=user", "name=posts:write");

        Jwt token = jwtDecoder.decode((String) body.get("access_token"));
        assertThat(token.getSubject()).isEqualTo(user.get("id").toString());
        assertThat(token.getClaimAsStringList("roles")).containsExactly("user");
        assertThat(token.getClaimAsStringList("permissions")).containsExactly("posts:read", "posts:write", "users:read");
        assertThat(token.getClaimAsString("auth_type")).isEqualTo("JWT");
        assertThat(token.getAudience()).containsExactly("platform-api");
    }

    @Test
    void anIdTokenCarryingTheWholeProfileSparesTheUserinfoCall() {
        ProviderStandIns.googleRequestPaths(); // forget earlier tests' requests
        ProviderStandIns.nextGoogleUser("g-thick", "thick@login.test", true, "Thick");

        ResponseEntity<Map<String, Object>> response = get(callbackFromProvider("google"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("user").toString()).contains("full_name=Thick",
                "avatar_url=https://avatars.example/g-thick");
        assertThat(ProviderStandIns.googleRequestPaths()).anyMatch(path -> path.endsWith("/token"))
            .noneMatch(path -> path.contains("/userinfo"));
    }

    @Test
    void anIdTokenWithoutTheWholeProfileIsCompletedFromUserinfo() {
        ProviderStandIns.googleRequestPaths();
        ProviderStandIns.nextGoogleUser("g-thin", Map.of("email", "thin@login.test", "email_verified", true, "name", "Thin"));

        ResponseEntity<Map<String, Object>> response = get(callbackFromProvider("google"));

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody().get("user").toString()).contains("email=thin@login.test", "full_name=Thin");
        assertThat(ProviderStandIns.googleRequestPaths()).anyMatch(path -> path.contains("/userinfo"));
    }

    @Test
    void aStateCanBeUsedOnlyOnce() {
        ProviderStandIns.nextGoogleUser("g-replay", "replay@login.test", true, "Replay");
        String callback = callbackFromProvider("google");
        assertThat(get(callback).getStatusCode().value()).isEqualTo(200);

        ResponseEntity<Map<String, Object>> replay = get(callback);

        assertThat(replay.getStatusCode().value()).isEqualTo(400);
        assertThat(replay.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(replay.getBody()).containsEntry("code", "invalid_state");
    }

    @Test
    void aForgedStateOrAnotherProvidersStateIsRefusedAndCreatesNoUser() {
        String callback = callbackFromProvider("google");
        String code = URI.create(callback).getQuery().replaceAll(".*code=([^&]+).*", "$1");
        long usersBefore = users.count();

        assertThat(get("/api/v1/auth/google/callback?code=" + code + "&state=forged").getStatusCode().value()).isEqualTo(400);
        assertThat(get(callback.replace("/google/", "/github/")).getStatusCode().value()).isEqualTo(400);
        assertThat(users.count()).isEqualTo(usersBefore);
    }

    @Test
    void anUnknownProviderIs404ProblemJson() {
        ResponseEntity<Map<String, Object>> response = get("/api/v1/auth/myspace/login");

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("code", "unknown_provider");
    }

    @Test
    void aProviderErrorIs502() {
        String state = (String) get("/api/v1/auth/google/login").getBody().get("state");

        ResponseEntity<Map<String, Object>> response = get(
                "/api/v1/auth/google/callback?error=temporarily_unavailable&state=" + state);

        assertThat(response.getStatusCode().value()).isEqualTo(502);
        assertThat(response.getBody()).containsEntry("code", "provider_error");
    }

    @Test
    void aProviderThatFailsTheCodeExchangeIs502() {
        ProviderStandIns.nextGitHubUser(2001, "broken", "broken@login.test", "[]");
        ProviderStandIns.GITHUB.stubFor(com.github.tomakehurst.wiremock.client.WireMock
            .post(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/login/oauth/access_token"))
            .willReturn(com.github.tomakehurst.wiremock.client.WireMock.serverError()));

        ResponseEntity<Map<String, Object>> response = get(callbackFromProvider("github"));

        assertThat(response.getStatusCode().value()).isEqualTo(502);
        assertThat(response.getBody().toString()).doesNotContain("Exception", "at org.");
    }

    @Test
    void aProviderThatNeverAnswersIs502AfterTheProviderTimeout() {
        ProviderStandIns.nextGitHubUser(2002, "silent", "silent@login.test", "[]");
        ProviderStandIns.GITHUB.stubFor(WireMock.post(WireMock.urlPathEqualTo("/login/oauth/access_token"))
            .willReturn(WireMock.okJson("{}").withFixedDelay(30_000)));
        String callback = callbackFromProvider("github");
        long start = System.nanoTime();

        ResponseEntity<Map<String, Object>> response = get(callback);

        Duration waited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(response.getStatusCode().value()).isEqualTo(502);
        assertThat(response.getBody()).containsEntry("code", "provider_error");
        assertThat(waited).isGreaterThanOrEqualTo(ProviderStandIns.PROVIDER_TIMEOUT)
            .isLessThan(ProviderStandIns.PROVIDER_TIMEOUT.multipliedBy(3));
    }

    /** Starts a JSON login and lets the provider stand-in redirect back: the callback URL it sends. */
    private String callbackFromProvider(String provider) {
        String url = (String) get("/api/v1/auth/" + provider + "/login").getBody().get("authorization_url");
        HttpResponse<String> redirect = new Browser().open(url, BASE + "/api/v1/auth/" + provider + "/callback");
        return redirect.headers().firstValue("Location").orElseThrow();
    }

    private ResponseEntity<Map<String, Object>> get(String uri) {
        return http.get().uri(URI.create(uri.startsWith("http") ? uri : BASE + uri)).accept(MediaType.APPLICATION_JSON)
            .retrieve().toEntity(JSON);
    }
}
