package org.ssoplatform.auth.token;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.auth.user.UserRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** OIDC UserInfo and RP-initiated logout, as the portal and its user's browser see them. */
class UserInfoAndLogoutTests extends AuthServerFlow {

    static final String PORTAL_HOME = "http://localhost:8080/";

    final OAuthClient client = new OAuthClient(BASE);

    @Autowired
    UserRepository users;

    @Test
    void userInfoDescribesTheSignedInUserAsTheIdTokenDoes() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo", "userinfo@tokens.test", "User Info", "openid profile email");
        Jwt idToken = idToken(signIn);

        ResponseEntity<Map<String, Object>> response = client.userInfo(signIn.accessToken());

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("sub", idToken.getSubject())
            .containsEntry("email", "userinfo@tokens.test")
            .containsEntry("email_verified", true)
            .containsEntry("name", "User Info")
            .containsEntry("picture", "https://avatars.example/g-userinfo");
        for (String claim : List.of("sub", "email", "email_verified", "name", "picture")) {
            assertThat(idToken.getClaims().get(claim)).as(claim).isEqualTo(response.getBody().get(claim));
        }
    }

    @Test
    void userInfoShowsTheUsersCurrentProfile() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo-renamed", "renamed@tokens.test", "Old Name",
                "openid profile email");
        User user = users.findByEmailIgnoreCase("renamed@tokens.test").orElseThrow();
        users.save(user.withProfile("New Name", "https://avatars.example/new"));

        Map<String, Object> userInfo = client.userInfo(signIn.accessToken()).getBody();

        assertThat(userInfo).containsEntry("name", "New Name").containsEntry("picture", "https://avatars.example/new");
    }

    @Test
    void withoutTheProfileAndEmailScopesOnlyTheSubjectIsReleased() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo-openid", "openid.only@tokens.test", "Openid Only",
                "openid");
        Jwt idToken = idToken(signIn);

        Map<String, Object> userInfo = client.userInfo(signIn.accessToken()).getBody();

        assertThat(userInfo).isEqualTo(Map.of("sub", idToken.getSubject()));
        assertThat(idToken.getClaims()).doesNotContainKeys("email", "email_verified", "name", "picture");
    }

    @Test
    void anEmailTheProviderDidNotVerifyIsNotClaimedAsVerified() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo-unverified", "unverified@tokens.test", false,
                "Unverified", "openid email");

        Map<String, Object> userInfo = client.userInfo(signIn.accessToken()).getBody();

        assertThat(userInfo).containsEntry("email", "unverified@tokens.test")
            .containsEntry("email_verified", false)
            .doesNotContainKeys("name", "picture");
        assertThat(idToken(signIn).getClaims()).containsEntry("email_verified", false);
    }

    @Test
    void userInfoWithoutTheOpenidScopeIs403() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-no-openid", "no.openid@tokens.test", "No OpenID", "profile email");

        ResponseEntity<Map<String, Object>> response = client.userInfo(signIn.accessToken());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody()).containsEntry("error", "insufficient_scope");
        assertThat(response.getHeaders().getFirst("WWW-Authenticate"))
            .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"openid\"");
    }

    @Test
    void userInfoForAClientCredentialsTokenIsRefused() {
        ResponseEntity<Map<String, Object>> response = client.userInfo(client.clientCredentialsToken());

        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat(response.getBody()).containsEntry("error", "insufficient_scope");
    }

    @Test
    void userInfoWithoutATokenIs401() {
        ResponseEntity<Map<String, Object>> response = client.userInfo(null);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void userInfoWithARevokedAccessTokenIs401() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo-revoked", "userinfo.revoked@tokens.test", "Revoked",
                "openid profile email");
        client.revoke("portal", PortalSignIn.SECRET, signIn.accessToken());

        ResponseEntity<Map<String, Object>> response = client.userInfo(signIn.accessToken());

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).containsEntry("error", "invalid_token");
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
    }

    @Test
    void aDeactivatedUsersTokenGetsNoUserInfo() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-userinfo-inactive", "userinfo.inactive@tokens.test", "Gone",
                "openid profile email");
        users.changeActive(users.findByEmailIgnoreCase("userinfo.inactive@tokens.test").orElseThrow().id(), false);

        ResponseEntity<Map<String, Object>> response = client.userInfo(signIn.accessToken());

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getBody()).containsEntry("error", "invalid_token");
    }

    @Test
    void logoutWithAnIdTokenHintEndsTheSessionAndReturnsToTheClient() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-logout", "logout@tokens.test", "Log Out", "openid profile email");
        String authorize = PortalSignIn.authorizeUrl(BASE, "openid profile email");
        assertThat(PortalSignIn.code(signIn.browser().open(authorize, PortalSignIn.CALLBACK)))
            .as("still signed in: a code without the login page").isNotNull();

        HttpResponse<String> logout = signIn.browser().open(BASE + "/connect/logout?id_token_hint=" + signIn.idToken()
                + "&post_logout_redirect_uri=" + PORTAL_HOME + "&state=bye-1", PORTAL_HOME);

        assertThat(logout.statusCode()).isEqualTo(302);
        assertThat(logout.headers().firstValue("Location")).hasValue(PORTAL_HOME + "?state=bye-1");
        HttpResponse<String> again = signIn.browser().open(authorize, PortalSignIn.CALLBACK);
        assertThat(PortalSignIn.code(again)).isNull();
        assertThat(again.body()).contains("/oauth2/authorization/google");
    }

    @Test
    void logoutToAnUnregisteredAddressIsRefusedAndKeepsTheSession() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-logout-evil", "logout.evil@tokens.test", "Stay", "openid profile email");

        HttpResponse<String> logout = signIn.browser().open(BASE + "/connect/logout?id_token_hint=" + signIn.idToken()
                + "&post_logout_redirect_uri=https://evil.example/&state=bye-2", "https://evil.example");

        assertThat(logout.statusCode()).isEqualTo(400);
        assertThat(logout.headers().firstValue("Location")).isEmpty();
        String authorize = PortalSignIn.authorizeUrl(BASE, "openid profile email");
        assertThat(PortalSignIn.code(signIn.browser().open(authorize, PortalSignIn.CALLBACK))).isNotNull();
    }

    private static Jwt idToken(PortalSignIn signIn) {
        return NimbusJwtDecoder.withJwkSetUri(BASE + "/oauth2/jwks").build().decode(signIn.idToken());
    }
}
