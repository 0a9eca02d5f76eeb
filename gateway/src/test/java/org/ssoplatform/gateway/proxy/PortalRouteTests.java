package org.ssoplatform.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.ssoplatform.gateway.support.SharedGateway;
import org.ssoplatform.gateway.support.TestTokens;

/**
 * People use the gateway's origin only: the start page, the portal's pages (its sign-in callback and
 * sign-out included) and the shared look come from the portal, with the browser's cookies and without a
 * credential; the gateway keeps no pages or sessions of its own.
 */
class PortalRouteTests extends SharedGateway {

    @Test
    void theStartPageThePortalsPagesAndTheSharedLookComeFromThePortalWithoutACredential() {
        for (String path : new String[] { "/", "/portal/keys", "/portal/me", "/portal/api/v1/users/me",
                "/portal/login/oauth2/code/portal?code=c&state=s", "/ui/platform.css", "/ui/marks/google.svg" }) {
            client().get().uri(path).header("Cookie", "PORTAL_SESSION=abc").exchange()
                .expectStatus().isOk().expectBody(String.class).isEqualTo("from the portal");
            List<LoggedRequest> received = STAND_INS.portal.findAll(getRequestedFor(urlEqualTo(path)));
            assertThat(received).as(path).isNotEmpty();
            assertThat(received.get(received.size() - 1).getHeader("Cookie")).as(path).contains("PORTAL_SESSION=abc");
        }
    }

    @Test
    void formsArePostedToThePortal() {
        client().post().uri("/portal/logout").contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("_csrf=t")
            .exchange()
            .expectStatus().isOk();
        assertThat(STAND_INS.portal.findAll(postRequestedFor(urlEqualTo("/portal/logout")))).isNotEmpty();
    }

    @Test
    void aBearerTokenSentToThePortalDoesNotReachIt() {
        client().get().uri("/portal/account").header("Authorization", "Bearer " + TestTokens.user("u"))
            .exchange()
            .expectStatus().isOk();
        List<LoggedRequest> received = STAND_INS.portal.findAll(getRequestedFor(urlEqualTo("/portal/account")));
        assertThat(received).isNotEmpty();
        assertThat(received).allSatisfy(request -> assertThat(request.containsHeader("Authorization")).isFalse());
    }

    @Test
    void pathsBesideThePortalsStayBehindCredentials() {
        for (String path : new String[] { "/portalx", "/uix/platform.css", "/login/oauth2/code/portal",
                "/oauth2/authorization/portal" }) {
            client().get().uri(path).exchange()
                .expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }
}
