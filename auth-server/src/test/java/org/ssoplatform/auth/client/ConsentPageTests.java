package org.ssoplatform.auth.client;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.SavedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page of a client that asks for it: which application, what it may do, Allow and Deny in the
 * platform's look, and only the person whose authorization it is can answer it.
 */
class ConsentPageTests extends AuthServerFlow {

    private static final String CALLBACK = "http://127.0.0.1:7/consent-callback";

    private static final String VERIFIER = "consent-page-verifier-" + "v".repeat(40);

    @Autowired
    RegisteredClientRepository clients;

    @Test
    void thePageNamesTheApplicationAndWhatItAsksForAndRunsNoScript() {
        String clientId = consentClient();
        HttpResponse<String> page = consentPage(signedIn("g-consent-page", "consent.page@consent.test"), clientId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<span id=\"client-name\">Reporting app</span> wants to access your account",
                "consent.page@consent.test", "See your name and picture", "See your e-mail address",
                "It will know who you are", "href=\"/ui/platform.css\"", "id=\"allow\"", "id=\"deny\"");
        assertThat(page.body()).containsPattern("<label[^>]*for=\"scope-0\"");
        assertThat(page.body()).doesNotContain("<script", "style=\"", "value=\"openid\"");
        String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self' http://127.0.0.1:7")
            .doesNotContain("unsafe", "script-src");
        SavedPages.save("consent", page.body());
    }

    @Test
    void allowingIssuesTheCodeToTheApplication() {
        String clientId = consentClient();
        Browser browser = signedIn("g-consent-allow", "consent.allow@consent.test");
        HttpResponse<String> page = consentPage(browser, clientId);

        HttpResponse<String> answered = browser.submit(BASE + "/oauth2/authorize",
                Map.of("client_id", clientId, "state", field(page, "state"), "scope", "profile"), CALLBACK);

        URI back = URI.create(answered.headers().firstValue("Location").orElseThrow());
        Map<String, String> query = UriComponentsBuilder.fromUri(back).build().getQueryParams().toSingleValueMap();
        assertThat(back.toString()).startsWith(CALLBACK);
        assertThat(query).containsKey("code").containsEntry("state", "st-consent");
    }

    @Test
    void denyingTellsTheApplicationAccessWasDenied() {
        String clientId = consentClient();
        Browser browser = signedIn("g-consent-deny", "consent.deny@consent.test");
        HttpResponse<String> page = consentPage(browser, clientId);

        HttpResponse<String> answered = browser.submit(BASE + "/oauth2/authorize",
                Map.of("client_id", clientId, "state", field(page, "state")), CALLBACK);

        String back = answered.headers().firstValue("Location").orElseThrow();
        assertThat(back).startsWith(CALLBACK).contains("error=access_denied").doesNotContain("code=");
    }

    @Test
    void anotherSignedInPersonCannotAnswerSomeoneElsesConsent() {
        String clientId = consentClient();
        HttpResponse<String> victims = consentPage(signedIn("g-consent-victim", "consent.victim@consent.test"), clientId);
        Browser attacker = signedIn("g-consent-attacker", "consent.attacker@consent.test");

        HttpResponse<String> answered = attacker.submit(BASE + "/oauth2/authorize",
                Map.of("client_id", clientId, "state", field(victims, "state"), "scope", "profile"), CALLBACK);

        String location = answered.headers().firstValue("Location").orElse("");
        assertThat(location).doesNotContain("code=");
        assertThat(answered.statusCode()).isNotEqualTo(200);
    }

    @Test
    void anUnknownApplicationGetsABadRequestNotAPage() {
        Browser browser = signedIn("g-consent-unknown", "consent.unknown@consent.test");

        HttpResponse<String> page = browser.open(BASE + ConsentPageController.PATH
                + "?client_id=nobody&scope=profile&state=x");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception", "\tat ");
    }

    private static Browser signedIn(String subject, String email) {
        ProviderStandIns.nextGoogleUser(subject, email, true, "Person " + subject);
        Browser browser = new Browser();
        browser.open(BASE + "/oauth2/authorization/google", Browser.PORTAL);
        return browser;
    }

    /** Starts the client's authorization in this browser; the answer is the consent page. */
    private static HttpResponse<String> consentPage(Browser browser, String clientId) {
        HttpResponse<String> page = browser.open(BASE + "/oauth2/authorize?response_type=code&client_id=" + clientId
                + "&redirect_uri=" + CALLBACK + "&scope=openid%20profile%20email&state=st-consent&code_challenge="
                + s256(VERIFIER) + "&code_challenge_method=S256", CALLBACK);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo(ConsentPageController.PATH);
        return page;
    }

    /** A public client registered with consent required, as {@code require-consent: true} makes one. */
    private String consentClient() {
        String clientId = "consent-" + UUID.randomUUID();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(clientId)
            .clientName("Reporting app")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
            .redirectUri(CALLBACK)
            .scope("openid")
            .scope("profile")
            .scope("email")
            .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(true).build())
            .build());
        return clientId;
    }

    private static String field(HttpResponse<String> page, String name) {
        Matcher field = Pattern.compile("name=\"" + name + "\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(field.find()).as(name + " on " + page.body()).isTrue();
        return field.group(1);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }
}
