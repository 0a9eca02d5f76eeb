package org.ssoplatform.auth.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.nimbusds.jose.JOSEObjectType;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Real HTTP stand-ins for the providers, shared by the federation tests: mock-oauth2-server speaks OIDC
 * as "google" and as "okta" (any other OIDC provider, not trusted to verify e-mails by default); WireMock
 * plays GitHub's authorize, token, user and e-mails endpoints.
 */
public final class ProviderStandIns {

    public static final MockOAuth2Server GOOGLE = new MockOAuth2Server();

    /** Bounds each call to a stand-in; generous, since a loaded CI machine answers slowly too. */
    public static final Duration PROVIDER_TIMEOUT = Duration.ofSeconds(4);

    public static final WireMockServer GITHUB = new WireMockServer(options().dynamicPort().globalTemplating(true));

    static {
        GOOGLE.start();
        GITHUB.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            GOOGLE.shutdown();
            GITHUB.stop();
        }));
    }

    private ProviderStandIns() {
    }

    public static void register(DynamicPropertyRegistry registry) {
        String client = "spring.security.oauth2.client.";
        registry.add(client + "registration.google.client-id", () -> "platform-google");
        registry.add(client + "registration.google.client-secret", () -> "google-secret");
        registry.add(client + "registration.google.scope", () -> "openid,profile,email");
        registry.add(client + "provider.google.issuer-uri", () -> GOOGLE.issuerUrl("google").toString());
        registry.add(client + "registration.okta.client-id", () -> "platform-okta");
        registry.add(client + "registration.okta.client-secret", () -> "okta-secret");
        registry.add(client + "registration.okta.scope", () -> "openid,profile,email");
        registry.add(client + "provider.okta.issuer-uri", () -> GOOGLE.issuerUrl("okta").toString());
        registry.add(client + "registration.github.client-id", () -> "platform-github");
        registry.add(client + "registration.github.client-secret", () -> "github-secret");
        registry.add(client + "registration.github.scope", () -> "read:user,user:email");
        registry.add(client + "registration.github.authorization-grant-type", () -> "authorization_code");
        registry.add(client + "registration.github.redirect-uri", () -> "{baseUrl}/login/oauth2/code/{registrationId}");
        registry.add(client + "provider.github.authorization-uri", () -> GITHUB.baseUrl() + "/login/oauth/authorize");
        registry.add(client + "provider.github.token-uri", () -> GITHUB.baseUrl() + "/login/oauth/access_token");
        registry.add(client + "provider.github.user-info-uri", () -> GITHUB.baseUrl() + "/api/v3/user");
        registry.add(client + "provider.github.user-name-attribute", () -> "id");
        registry.add("platform.auth.provider-timeout", () -> PROVIDER_TIMEOUT.toSeconds() + "s");
    }

    /** The next Google sign-in is this person. */
    public static void nextGoogleUser(String subject, String email, boolean verified, String name) {
        nextGoogleUser(subject, Map.of("email", email, "email_verified", verified, "name", name,
                "picture", "https://avatars.example/" + subject));
    }

    /** The next Google sign-in is this person, with exactly these claims in its ID token and userinfo. */
    public static void nextGoogleUser(String subject, Map<String, Object> claims) {
        GOOGLE.enqueueCallback(new DefaultOAuth2TokenCallback("google", subject, JOSEObjectType.JWT.getType(),
                List.of("platform-google"), claims, 3600));
    }

    /** The next sign-in at the "okta" provider is this person. */
    public static void nextOktaUser(String subject, String email, boolean verified) {
        GOOGLE.enqueueCallback(new DefaultOAuth2TokenCallback("okta", subject, JOSEObjectType.JWT.getType(),
                List.of("platform-okta"), Map.of("email", email, "email_verified", verified, "name", subject,
                        "picture", "https://avatars.example/" + subject), 3600));
    }

    /** The paths the Google stand-in was asked for since the last call. */
    public static List<String> googleRequestPaths() {
        List<String> paths = new ArrayList<>();
        try {
            for (RecordedRequest request; (request = GOOGLE.takeRequest(50, TimeUnit.MILLISECONDS)) != null;) {
                paths.add(request.getPath());
            }
        }
        catch (RuntimeException noMoreRequests) {
            // the stand-in's way of saying its queue is empty
        }
        return paths;
    }

    /** The next GitHub sign-in is this person, with this profile e-mail and these e-mail API entries. */
    public static void nextGitHubUser(long id, String login, String profileEmail, String emailsJson) {
        GITHUB.resetAll();
        GITHUB.stubFor(get(urlPathEqualTo("/login/oauth/authorize")).willReturn(aResponse().withStatus(302)
            .withHeader("Location", "{{request.query.redirect_uri}}?code=gh-code-" + id + "&state={{urlEncode request.query.state}}")));
        GITHUB.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
            .willReturn(okJson("{\"access_token\":\"gho_" + id + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}")));
        GITHUB.stubFor(get(urlPathEqualTo("/api/v3/user")).withHeader("Authorization", equalTo("Bearer gho_" + id))
            .willReturn(okJson("{\"id\":" + id + ",\"login\":\"" + login + "\",\"name\":\"" + login + "\",\"email\":"
                    + (profileEmail == null ? "null" : "\"" + profileEmail + "\"") + ",\"avatar_url\":\"https://avatars.example/gh"
                    + id + "\"}")));
        GITHUB.stubFor(get(urlPathEqualTo("/api/v3/user/emails")).withHeader("Authorization", equalTo("Bearer gho_" + id))
            .willReturn(okJson(emailsJson)));
    }

    public static int gitHubEmailCalls() {
        return GITHUB.findAll(WireMock.getRequestedFor(urlPathEqualTo("/api/v3/user/emails"))).size();
    }
}
