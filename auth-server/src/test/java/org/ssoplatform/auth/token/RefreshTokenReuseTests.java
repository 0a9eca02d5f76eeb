package org.ssoplatform.auth.token;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh-token reuse detection (RFC 9700 §4.14.2): refresh tokens rotate, and a rotated-out one presented
 * again means two parties hold the family, so the whole family is revoked.
 */
class RefreshTokenReuseTests extends AuthServerFlow {

    final OAuthClient client = new OAuthClient(BASE);

    @Test
    void presentingARotatedOutRefreshTokenRevokesTheWholeFamily() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-reuse", "reuse@tokens.test", "Reuse", "openid profile email");
        Map<String, Object> rotated = refresh(signIn.refreshToken()).getBody();
        String current = (String) rotated.get("refresh_token");
        String currentAccess = (String) rotated.get("access_token");

        ResponseEntity<Map<String, Object>> reuse = refresh(signIn.refreshToken());

        assertThat(reuse.getStatusCode().value()).isEqualTo(400);
        assertThat(reuse.getBody()).containsEntry("error", "invalid_grant");
        ResponseEntity<Map<String, Object>> legitimateHolder = refresh(current);
        assertThat(legitimateHolder.getStatusCode().value()).as("the current refresh token of the family")
            .isEqualTo(400);
        assertThat(legitimateHolder.getBody()).containsEntry("error", "invalid_grant");
        assertThat(client.introspect("portal", PortalSignIn.SECRET, currentAccess).getBody())
            .containsEntry("active", false);
    }

    @Test
    void anotherSignInOfTheSameUserKeepsItsOwnFamily() {
        PortalSignIn laptop = PortalSignIn.as(BASE, "g-reuse-two", "reuse.two@tokens.test", "Two", "openid");
        PortalSignIn phone = PortalSignIn.as(BASE, "g-reuse-two", "reuse.two@tokens.test", "Two", "openid");
        refresh(laptop.refreshToken());

        refresh(laptop.refreshToken());

        ResponseEntity<Map<String, Object>> phoneRefresh = refresh(phone.refreshToken());
        assertThat(phoneRefresh.getStatusCode().value()).isEqualTo(200);
        assertThat(refresh((String) phoneRefresh.getBody().get("refresh_token")).getStatusCode().value())
            .isEqualTo(200);
    }

    @Test
    void theCurrentRefreshTokenKeepsRotating() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-rotate", "rotate@tokens.test", "Rotate", "openid");
        String token = signIn.refreshToken();

        for (int i = 0; i < 3; i++) {
            ResponseEntity<Map<String, Object>> response = refresh(token);
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getBody().get("refresh_token")).isNotEqualTo(token);
            token = (String) response.getBody().get("refresh_token");
        }
    }

    private ResponseEntity<Map<String, Object>> refresh(String refreshToken) {
        return client.token("portal", PortalSignIn.SECRET,
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken));
    }
}
