package org.ssoplatform.auth.signing;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.ssoplatform.auth.AuthServerFlowTest;
import org.ssoplatform.auth.SecondInstance;
import org.ssoplatform.auth.token.OAuthClient;
import org.ssoplatform.auth.token.ResourceServerKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys live in PostgreSQL: rotation publishes before it signs, and instances share them. */
class SigningKeyRotationTest extends AuthServerFlowTest {

    @Autowired
    SigningKeys keys;

    @Autowired
    ConfigurableEnvironment environment;

    @Test
    void rotationPublishesTheNextKeyFirstAndTokensIssuedBeforeKeepVerifying() {
        String before = token(BASE);
        String signerBefore = kid(before);

        assertThat(keys.rotate()).isEqualTo(SigningKeys.RotationResult.NEXT_PUBLISHED);
        List<String> published = kids(BASE);
        assertThat(published).contains(signerBefore).hasSizeGreaterThanOrEqualTo(2);
        assertThat(kid(token(BASE))).as("the next key is published, not yet signing").isEqualTo(signerBefore);

        assertThat(keys.rotate()).isEqualTo(SigningKeys.RotationResult.PROMOTED);
        String after = token(BASE);

        assertThat(kid(after)).isNotEqualTo(signerBefore).isIn(published);
        JwtDecoder resourceServer = NimbusJwtDecoder.withJwkSetUri(BASE + "/oauth2/jwks").build();
        assertThat(resourceServer.decode(before).getSubject()).isEqualTo("gateway");
        assertThat(resourceServer.decode(after).getSubject()).isEqualTo("gateway");
    }

    @Test
    void twoInstancesOnOneDatabaseIssueTokensThatVerifyAgainstEithersJwks() {
        try (ConfigurableApplicationContext second = SecondInstance.start(environment)) {
            String secondBase = SecondInstance.base(second);

            String fromFirst = token(BASE);
            String fromSecond = token(secondBase);

            assertThat(NimbusJwtDecoder.withJwkSetUri(secondBase + "/oauth2/jwks").build().decode(fromFirst).getSubject())
                .isEqualTo("gateway");
            assertThat(NimbusJwtDecoder.withJwkSetUri(BASE + "/oauth2/jwks").build().decode(fromSecond).getSubject())
                .isEqualTo("gateway");
            assertThat(kid(fromSecond)).isEqualTo(kid(fromFirst));
        }
    }

    private static String token(String base) {
        return new OAuthClient(base).clientCredentialsToken();
    }

    private static String kid(String token) {
        return ResourceServerKeys.kid(token);
    }

    private static List<String> kids(String base) {
        return ResourceServerKeys.kids(base);
    }
}
