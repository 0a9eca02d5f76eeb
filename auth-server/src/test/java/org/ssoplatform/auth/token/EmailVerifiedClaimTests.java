package org.ssoplatform.auth.token;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.support.ResourceServerView;

import static org.assertj.core.api.Assertions.assertThat;

/** Access tokens and {@code /users/me} say whether the user's e-mail is verified, as ID tokens and UserInfo do. */
class EmailVerifiedClaimTests extends AuthServerFlow {

    final Http http = new Http(BASE);

    @Test
    void aVerifiedAddressIsSaidToBeVerified() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-claim-verified", "claim.verified@tokens.test", true, "Verified",
                "openid email");

        Jwt accessToken = ResourceServerView.of(BASE).decode(signIn.accessToken());

        assertThat(accessToken.getClaims()).containsEntry("email_verified", true);
        assertThat(http.get("/api/v1/users/me", signIn.accessToken()).json().path("email_verified").asBoolean()).isTrue();
    }

    @Test
    void anAddressTheProviderDidNotVerifyIsSaidToBeUnverifiedEverywhere() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-claim-unverified", "claim.unverified@tokens.test", false,
                "Unverified", "openid email");

        Jwt accessToken = ResourceServerView.of(BASE).decode(signIn.accessToken());

        assertThat(accessToken.getClaims()).containsEntry("email", "claim.unverified@tokens.test")
            .containsEntry("email_verified", false);
        Http.Response me = http.get("/api/v1/users/me", signIn.accessToken());
        assertThat(me.json().path("email_verified").isBoolean()).isTrue();
        assertThat(me.json().path("email_verified").asBoolean()).isFalse();
    }
}
