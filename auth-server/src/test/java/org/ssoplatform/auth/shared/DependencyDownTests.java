package org.ssoplatform.auth.shared;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.test.util.TestSocketUtils;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** Sign-in sessions live in Redis: without it a browser sign-in gets a 503 problem, not a 500. */
class DependencyDownTests extends AuthServerFlow {

    private static final String PORTAL_CALLBACK = "http://localhost:8080/portal/login/oauth2/code/portal";

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void aSignInWithRedisUnreachableIs503ProblemJson() {
        int nothingListens = TestSocketUtils.findAvailableTcpPort();
        try (ConfigurableApplicationContext instance = SecondInstance.start(environment,
                "spring.data.redis.port=" + nothingListens)) {
            String authorize = SecondInstance.base(instance) + "/oauth2/authorize?response_type=code&client_id=portal"
                    + "&redirect_uri=" + PORTAL_CALLBACK + "&scope=openid&state=s&code_challenge_method=S256"
                    + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

            HttpResponse<String> response = new Browser().open(authorize, PORTAL_CALLBACK);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("unavailable").doesNotContain("Exception").doesNotContain("Redis");
        }
    }
}
