package org.ssoplatform.auth.token;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.PortalSignIn;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.Browser;
import org.ssoplatform.auth.support.ProviderStandIns;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in sessions live in Redis, so a load balancer may send each step of a browser login to
 * another instance: here the provider's redirect back reaches the instance that did not start it.
 */
class SignInAcrossInstancesTests extends AuthServerFlow {

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aSignInStartedOnOneInstanceCompletesOnAnother() {
        try (ConfigurableApplicationContext second = SecondInstance.start(environment)) {
            String secondBase = SecondInstance.base(second);
            ProviderStandIns.nextGoogleUser("across-1", "across@federation.test", true, "Across Instances");
            Browser browser = new Browser();
            assertThat(browser.open(PortalSignIn.authorizeUrl(BASE, "openid"), PortalSignIn.CALLBACK).body())
                .contains("/oauth2/authorization/google");

            HttpResponse<String> backFromGoogle = browser.open(BASE + "/oauth2/authorization/google",
                    BASE + "/login/oauth2/code/google");
            String callback = backFromGoogle.headers().firstValue("Location").orElseThrow();
            String code = PortalSignIn.code(browser.open(callback.replace(BASE, secondBase), PortalSignIn.CALLBACK));

            assertThat(code).as("authorization code after the callback reached the other instance").isNotNull();
            Map<String, Object> tokens = new OAuthClient(secondBase).token("portal", PortalSignIn.SECRET,
                    Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", PortalSignIn.CALLBACK,
                            "code_verifier", PortalSignIn.VERIFIER)).getBody();
            assertThat(tokens).containsKeys("access_token", "id_token");
        }
    }
}
