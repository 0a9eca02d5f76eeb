package org.ssoplatform.auth.device;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.ProviderStandIns;
import org.ssoplatform.auth.support.ResourceServerView;
import org.ssoplatform.auth.support.SavedPages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CLI sign-in end to end (RFC 8628): the CLI, a plain HTTP client, asks for a code and polls the token endpoint;
 * the person, in a browser with one cookie jar, opens the verification page, signs in through the stand-in
 * provider, types the code and allows or denies; the CLI's token is then the person's, with their roles.
 */
class DeviceSignInTests extends AuthServerFlow {

    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    /** platform.device.poll-interval in the tests (application-test.yml). */
    private static final Duration INTERVAL = Duration.ofSeconds(1);

    private final OAuthClient cli = new OAuthClient(BASE);

    private final JwtDecoder resourceServer = ResourceServerView.of(BASE);

    @Autowired
    RegisteredClientRepository clients;

    /** What the device authorization endpoint told the CLI. */
    record DeviceCode(String deviceCode, String userCode, String verificationUri) {
    }

    @Test
    void discoveryAdvertisesTheDeviceAuthorizationEndpointAndGrant() {
        Http http = new Http(BASE);
        for (String document : new String[] { "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server" }) {
            Http.Response metadata = http.get(document, null);

            assertThat(metadata.status()).isEqualTo(200);
            assertThat(metadata.json().get("device_authorization_endpoint").asString())
                .isEqualTo(BASE + "/oauth2/device_authorization");
            assertThat(metadata.json().get("grant_types_supported").toString()).contains(DEVICE_GRANT);
        }
    }

    @Test
    void theCliGetsACodeForThePersonAndTheVerificationPageWithItsClientIdAlone() {
        ResponseEntity<Map<String, Object>> answer = cli.deviceAuthorization(Map.of("client_id", "cli",
                "scope", "profile email"));

        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        Map<String, Object> body = answer.getBody();
        String userCode = (String) body.get("user_code");
        assertThat(userCode).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat((String) body.get("device_code")).hasSizeGreaterThan(40);
        assertThat(body).containsEntry("verification_uri", BASE + "/device")
            .containsEntry("verification_uri_complete", BASE + "/device?user_code=" + userCode)
            .containsEntry("interval", (int) INTERVAL.toSeconds());
        assertThat(((Number) body.get("expires_in")).intValue()).isBetween(290, 300);
    }

    @Test
    void openIdConnectIsNoPartOfTheDeviceFlow() {
        ResponseEntity<Map<String, Object>> answer = cli.deviceAuthorization(Map.of("client_id", "cli",
                "scope", "openid profile"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("error", "invalid_scope");
    }

    @Test
    void aConfidentialClientCannotStartADeviceSignInWithoutItsSecret() {
        ResponseEntity<Map<String, Object>> answer = cli.deviceAuthorization(Map.of("client_id", "portal"));

        assertThat(answer.getStatusCode().value()).isEqualTo(401);
        assertThat(answer.getBody()).containsEntry("error", "invalid_client");
    }

    @Test
    void aPublicClientWithoutTheDeviceGrantIsRefused() {
        ResponseEntity<Map<String, Object>> answer = cli.deviceAuthorization(Map.of("client_id", "swagger"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody()).containsEntry("error", "unauthorized_client");
    }

    @Test
    void pollingBeforeThePersonAnswersIsAuthorizationPending() {
        DeviceCode device = start("cli", "profile email");

        ResponseEntity<Map<String, Object>> poll = poll("cli", device);

        assertThat(poll.getStatusCode().value()).isEqualTo(400);
        assertThat(poll.getBody()).containsEntry("error", "authorization_pending");
    }

    @Test
    void pollingFasterThanTheIntervalIsSlowDownAndTheIntervalGrowsByFiveSeconds() {
        DeviceCode first = start("cli", "profile");
        DeviceCode second = start("cli", "profile");
        for (DeviceCode device : List.of(first, second)) {
            assertThat(poll("cli", device).getBody()).containsEntry("error", "authorization_pending");
            assertThat(poll("cli", device).getBody()).as("polled again at once").containsEntry("error", "slow_down");
        }

        pause(INTERVAL.plusMillis(300));
        assertThat(poll("cli", first).getBody()).as("the interval first announced is no longer enough")
            .containsEntry("error", "slow_down");
        pause(Duration.ofMillis(5200));
        assertThat(poll("cli", second).getBody()).as("the interval grown by 5 s is")
            .containsEntry("error", "authorization_pending");
    }

    @Test
    void thePersonSignsInTypesTheCodeAndAllowsAndTheCliGetsTheirToken() {
        DeviceCode device = start("cli", "profile email");
        assertThat(poll("cli", device).getBody()).containsEntry("error", "authorization_pending");
        Browser person = new Browser();

        HttpResponse<String> signInPage = person.open(device.verificationUri());
        assertThat(signInPage.uri().getPath()).as("not signed in yet: the sign-in page").isEqualTo("/login");
        ProviderStandIns.nextGoogleUser("g-device-allow", "device.allow@device.test", true, "Device Allow");
        HttpResponse<String> codePage = person.open(BASE + link(signInPage, "/oauth2/authorization/google"));
        assertThat(codePage.uri().getPath()).as("back at the code page after signing in").isEqualTo("/device");
        assertThat(codePage.body()).contains("device.allow@device.test");

        HttpResponse<String> consentPage = typeTheCode(person, codePage, device.userCode());
        assertThat(consentPage.uri().getPath()).isEqualTo("/device/consent");
        assertThat(consentPage.body()).contains("wants to sign in as you", device.userCode(),
                "See your e-mail address", "Use the platform");
        HttpResponse<String> done = answer(person, consentPage, "device-allow");
        assertThat(done.uri().getPath()).isEqualTo("/device/approved");
        assertThat(done.body()).contains("Device signed in");

        pause(INTERVAL);
        ResponseEntity<Map<String, Object>> tokens = poll("cli", device);
        assertThat(tokens.getStatusCode().value()).as("%s", tokens.getBody()).isEqualTo(200);
        assertThat(tokens.getBody()).containsKey("access_token").doesNotContainKey("refresh_token")
            .containsEntry("token_type", "Bearer");
        String accessToken = (String) tokens.getBody().get("access_token");
        Jwt token = resourceServer.decode(accessToken);
        assertThat(token.getClaimAsString("email")).isEqualTo("device.allow@device.test");
        assertThat(token.getClaimAsStringList("roles")).containsExactly("user");
        assertThat(token.getClaimAsStringList("permissions")).contains("posts:read", "posts:write", "users:read");
        assertThat(token.getClaimAsString("auth_type")).isEqualTo("JWT");
        assertThat(token.getAudience()).containsExactly("platform-api");
        assertThat(token.getClaimAsStringList("scope")).containsExactlyInAnyOrder("profile", "email");
        Http.Response me = new Http(BASE).get("/api/v1/users/me", accessToken);
        assertThat(me.status()).as(me.body()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo("device.allow@device.test");
        pause(INTERVAL);
        assertThat(poll("cli", device).getStatusCode().value()).as("a device code gives one token").isEqualTo(400);
    }

    @Test
    void denyingTellsTheCliAccessDeniedEvenAfterAllowingAnEarlierDevice() {
        Browser person = signedIn("g-device-deny", "device.deny@device.test");
        approve(person, start("cli", "email"));
        DeviceCode device = start("cli", "email");

        HttpResponse<String> consentPage = typeTheCode(person, person.open(BASE + "/device"), device.userCode());
        assertThat(consentPage.uri().getPath()).as("every device is approved on its own").isEqualTo("/device/consent");
        HttpResponse<String> done = answer(person, consentPage, "device-deny");

        assertThat(done.uri().getPath()).isEqualTo("/device/denied");
        ResponseEntity<Map<String, Object>> poll = poll("cli", device);
        assertThat(poll.getStatusCode().value()).isEqualTo(400);
        assertThat(poll.getBody()).containsEntry("error", "access_denied");
    }

    @Test
    void aDeviceCodePastItsLifetimeIsExpiredTokenAndItsUserCodeNoLongerWorks() {
        String clientId = shortLivedDeviceClient(Duration.ofSeconds(1));
        DeviceCode device = start(clientId, null);
        Browser person = signedIn("g-device-expired", "device.expired@device.test");

        pause(Duration.ofMillis(1500));

        ResponseEntity<Map<String, Object>> poll = poll(clientId, device);
        assertThat(poll.getStatusCode().value()).isEqualTo(400);
        assertThat(poll.getBody()).containsEntry("error", "expired_token");
        HttpResponse<String> typed = typeTheCode(person, person.open(BASE + "/device"), device.userCode());
        assertThat(typed.uri().toString()).isEqualTo(BASE + "/device?error");
        assertThat(typed.body()).contains("That code did not work");
    }

    @Test
    void aDeviceThatAskedForNoScopeIsApprovedWithAllowToo() {
        DeviceCode device = start("cli", null);
        Browser person = signedIn("g-device-noscope", "device.noscope@device.test");

        approve(person, device);

        ResponseEntity<Map<String, Object>> tokens = poll("cli", device);
        assertThat(tokens.getStatusCode().value()).as("%s", tokens.getBody()).isEqualTo(200);
        assertThat(resourceServer.decode((String) tokens.getBody().get("access_token")).getClaimAsString("email"))
            .isEqualTo("device.noscope@device.test");
    }

    @Test
    void aMistypedCodeSendsThePersonBackToTheCodePageSayingSo() {
        Browser person = signedIn("g-device-typo", "device.typo@device.test");

        HttpResponse<String> typed = typeTheCode(person, person.open(BASE + "/device"), "BCDF-GHJK");

        assertThat(typed.statusCode()).isEqualTo(200);
        assertThat(typed.uri().toString()).isEqualTo(BASE + "/device?error");
        assertThat(typed.body()).contains("id=\"device-code-error\"", "aria-invalid=\"true\"");
    }

    @Test
    void thePagesRunNoScriptAreNeverFramedAndEveryFormCarriesTheCsrfToken() {
        DeviceCode device = start("cli", "profile email");
        Browser person = signedIn("g-device-pages", "device.pages@device.test");

        HttpResponse<String> codePage = person.open(device.verificationUri() + "?user_code=" + device.userCode());
        HttpResponse<String> consentPage = typeTheCode(person, codePage, device.userCode());

        for (HttpResponse<String> page : List.of(codePage, consentPage)) {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("<script", "style=\"").contains("href=\"/ui/platform.css\"");
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
                .doesNotContain("unsafe", "script-src");
            Matcher forms = Pattern.compile("<form[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(page.body());
            int count = 0;
            while (forms.find()) {
                count++;
                assertThat(forms.group()).contains("method=\"post\"", "name=\"_csrf\"");
            }
            assertThat(count).isPositive();
        }
        assertThat(codePage.body()).as("the link's code is filled in").contains("value=\"" + device.userCode() + "\"");
        SavedPages.save("device-code", codePage.body());
        SavedPages.save("device-consent", consentPage.body());
    }

    @Test
    void aCrossSiteFormWithoutTheCsrfTokenSubmitsNoCodeAndApprovesNothing() {
        DeviceCode device = start("cli", "profile");
        Browser victim = signedIn("g-device-csrf", "device.csrf@device.test");

        HttpResponse<String> forged = victim.submit(BASE + "/oauth2/device_verification",
                Map.of("user_code", device.userCode()), null);
        assertThat(forged.statusCode()).isEqualTo(403);

        HttpResponse<String> consentPage = typeTheCode(victim, victim.open(BASE + "/device"), device.userCode());
        HttpResponse<String> forgedAllow = victim.submit(BASE + "/oauth2/device_verification",
                Map.of("client_id", "cli", "state", field(consentPage, "device-allow", "state"), "user_code",
                        device.userCode(), "scope", "profile", "approve", "true"), null);
        assertThat(forgedAllow.statusCode()).isEqualTo(403);
        assertThat(poll("cli", device).getBody()).containsEntry("error", "authorization_pending");
    }

    @Test
    void anotherSignedInPersonCannotAnswerSomeoneElsesDeviceConsent() {
        DeviceCode device = start("cli", "profile");
        Browser victim = signedIn("g-device-victim", "device.victim@device.test");
        HttpResponse<String> victimsConsent = typeTheCode(victim, victim.open(BASE + "/device"), device.userCode());
        Browser attacker = signedIn("g-device-attacker", "device.attacker@device.test");
        HttpResponse<String> attackersPage = attacker.open(BASE + "/device");

        HttpResponse<String> answered = attacker.submit(BASE + "/oauth2/device_verification",
                Map.of("client_id", "cli", "state", field(victimsConsent, "device-allow", "state"), "user_code",
                        device.userCode(), "scope", "profile", "approve", "true",
                        "_csrf", field(attackersPage, "device-code", "_csrf")), null);

        assertThat(answered.uri().getPath()).isNotEqualTo("/device/approved");
        assertThat(poll("cli", device).getBody()).containsEntry("error", "authorization_pending");
    }

    @Test
    void aLinkToTheVerificationEndpointWithACodeOnlyFillsInTheCodePage() {
        DeviceCode device = start("cli", "profile");
        Browser person = signedIn("g-device-link", "device.link@device.test");

        HttpResponse<String> landed = person.open(BASE + "/oauth2/device_verification?user_code=" + device.userCode());

        assertThat(landed.uri().toString()).isEqualTo(BASE + "/device?user_code=" + device.userCode());
        assertThat(landed.body()).contains("value=\"" + device.userCode() + "\"");
        assertThat(poll("cli", device).getBody()).containsEntry("error", "authorization_pending");
    }

    private DeviceCode start(String clientId, String scope) {
        Map<String, String> request = scope == null ? Map.of("client_id", clientId)
                : Map.of("client_id", clientId, "scope", scope);
        ResponseEntity<Map<String, Object>> answer = cli.deviceAuthorization(request);
        assertThat(answer.getStatusCode().value()).as("%s", answer.getBody()).isEqualTo(200);
        return new DeviceCode((String) answer.getBody().get("device_code"), (String) answer.getBody().get("user_code"),
                (String) answer.getBody().get("verification_uri"));
    }

    private ResponseEntity<Map<String, Object>> poll(String clientId, DeviceCode device) {
        return cli.token(clientId, null, Map.of("grant_type", DEVICE_GRANT, "client_id", clientId, "device_code",
                device.deviceCode()));
    }

    private static Browser signedIn(String subject, String email) {
        ProviderStandIns.nextGoogleUser(subject, email, true, "Person " + subject);
        Browser browser = new Browser();
        browser.open(BASE + "/oauth2/authorization/google", Browser.PORTAL);
        return browser;
    }

    /** The person types the code on the code page and submits it; the answer is the consent page (or an error). */
    private static HttpResponse<String> typeTheCode(Browser person, HttpResponse<String> codePage, String userCode) {
        assertThat(codePage.uri().getPath()).isEqualTo("/device");
        return person.submit(BASE + "/oauth2/device_verification",
                Map.of("user_code", userCode, "_csrf", field(codePage, "device-code", "_csrf")), null);
    }

    /** Submits the consent page's form {@code formId} ("device-allow" or "device-deny") with all its fields. */
    private static HttpResponse<String> answer(Browser person, HttpResponse<String> consentPage, String formId) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        Matcher input = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
            .matcher(form(consentPage, formId));
        while (input.find()) {
            fields.add(Map.entry(input.group(1), input.group(2)));
        }
        return person.submit(BASE + "/oauth2/device_verification", fields, null);
    }

    private void approve(Browser person, DeviceCode device) {
        HttpResponse<String> consentPage = typeTheCode(person, person.open(BASE + "/device"), device.userCode());
        assertThat(answer(person, consentPage, "device-allow").uri().getPath()).isEqualTo("/device/approved");
    }

    private static String form(HttpResponse<String> page, String formId) {
        Matcher form = Pattern.compile("<form id=\"" + formId + "\".*?</form>", Pattern.DOTALL).matcher(page.body());
        assertThat(form.find()).as(formId + " on " + page.uri() + ": " + page.body()).isTrue();
        return form.group();
    }

    private static String field(HttpResponse<String> page, String formId, String name) {
        Matcher field = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]+)\"").matcher(form(page, formId));
        assertThat(field.find()).as(name + " in " + formId).isTrue();
        return field.group(1);
    }

    private static String link(HttpResponse<String> page, String path) {
        Matcher link = Pattern.compile("href=\"([^\"]*" + Pattern.quote(path) + "[^\"]*)\"").matcher(page.body());
        assertThat(link.find()).as(path + " on " + page.body()).isTrue();
        return URI.create(link.group(1).replace("&amp;", "&")).toString();
    }

    /** A public client whose device codes live {@code lifetime}, as a registered client can be configured. */
    private String shortLivedDeviceClient(Duration lifetime) {
        String clientId = "device-" + UUID.randomUUID();
        clients.save(RegisteredClient.withId(UUID.randomUUID().toString())
            .clientId(clientId)
            .clientName("Short-lived device codes")
            .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
            .authorizationGrantType(AuthorizationGrantType.DEVICE_CODE)
            .scope("profile")
            .tokenSettings(TokenSettings.builder().deviceCodeTimeToLive(lifetime).build())
            .build());
        return clientId;
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }
}
