package org.ssoplatform.portal.config;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriComponentsBuilder;
import org.ssoplatform.portal.support.ManagementApiAnswers;
import org.ssoplatform.portal.support.PortalTest;

/** Signing in through auth-server, the Content-Security-Policy, and what happens when auth-server is away. */
class PortalSecurityTests extends PortalTest {

    @Test
    void aPageThatNeedsASignInSendsTheBrowserToSignInByARelativeAddress() {
        MvcTestResult result = mvc.get().uri("/portal/keys").exchange();

        assertThat(result).hasStatus3xxRedirection().hasRedirectedUrl("/portal/oauth2/authorization/portal");
    }

    @Test
    void signingInGoesToAuthServerWithPkceAndAReturnAddressOnThePublicOrigin() {
        MvcTestResult result = mvc.get().uri("/portal/oauth2/authorization/portal").exchange();

        assertThat(result).hasStatus3xxRedirection();
        URI location = URI.create(result.getResponse().getRedirectedUrl());
        assertThat(location.toString()).startsWith(ISSUER + "/oauth2/authorize?");
        var query = UriComponentsBuilder.fromUri(location).build().getQueryParams();
        assertThat(query.getFirst("client_id")).isEqualTo("portal");
        assertThat(query.getFirst("code_challenge_method")).isEqualTo("S256");
        assertThat(URLDecoder.decode(query.getFirst("redirect_uri"), StandardCharsets.UTF_8))
            .isEqualTo("http://localhost:8080/portal/login/oauth2/code/portal");
    }

    @Test
    void everyPageForbidsInlineScriptsStylesAndOtherOrigins() {
        MvcTestResult home = mvc.get().uri("/").exchange();

        assertThat(home).hasStatusOk();
        assertThat(home).headers().hasValue("Content-Security-Policy",
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
                        + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self' " + ISSUER);
        assertThat(home).headers().hasValue("X-Frame-Options", "DENY");
    }

    /** The policy would block them anyway; this keeps the pages from relying on what it blocks. */
    @Test
    void noTemplateCarriesInlineScriptStyleOrEventHandlers() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>|<style|\\sstyle=|\\son[a-z]+=|th:style|https?://(?!www\\.thymeleaf\\.org)");
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            List<Path> files = templates.filter(path -> path.toString().endsWith(".html")).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                assertThat(inline.matcher(Files.readString(file)).find()).as("%s", file).isFalse();
            }
        }
    }

    @Test
    void thePagesAssetsAndTheSharedLookAreServedByTheAppItself() {
        assertThat(mvc.get().uri("/ui/platform.css").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/portal/assets/portal.js").exchange()).hasStatusOk();
        assertThat(mvc.get().uri("/portal/assets/portal.css").exchange()).hasStatusOk();
    }

    @Test
    void whenAuthServerDoesNotAnswerThePageSaysSoQuicklyWithA503() {
        ManagementApiAnswers.me(AUTH_SERVER, 3, "grace@example.com", ManagementApiAnswers.USER_ROLE);
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/api-keys/")).willReturn(okJson("[]").withFixedDelay(10000)));

        long start = System.nanoTime();
        MvcTestResult page = mvc.get().uri("/portal/keys").with(signedIn(3)).exchange();

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(7));
        assertThat(page).hasStatus(503);
        assertThat(page).bodyText().contains("not answering right now").doesNotContain("Exception", "at org.");
    }

    @Test
    void aTokenAuthServerNoLongerAcceptsEndsTheSessionAndSendsThePersonToSignIn() {
        AUTH_SERVER.stubFor(get(urlPathEqualTo("/api/v1/users/me")).willReturn(ManagementApiAnswers.problemResponse(401,
                ManagementApiAnswers.problem(401, "invalid_token", "The token is not valid.", null))));

        MvcTestResult page = mvc.get().uri("/portal/account").with(signedIn(3)).exchange();

        assertThat(page).hasStatus3xxRedirection().hasRedirectedUrl("/?session-ended");
    }
}
