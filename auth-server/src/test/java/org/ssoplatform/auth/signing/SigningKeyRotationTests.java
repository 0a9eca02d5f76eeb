package org.ssoplatform.auth.signing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.transaction.support.TransactionTemplate;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.SecondInstance;
import org.ssoplatform.auth.support.OAuthClient;
import org.ssoplatform.auth.support.ResourceServerKeys;

import static org.assertj.core.api.Assertions.assertThat;

/** Keys live in PostgreSQL: rotation publishes before it signs, and instances share them. */
class SigningKeyRotationTests extends AuthServerFlow {

    @Autowired
    SigningKeys keys;

    @Autowired
    ConfigurableEnvironment environment;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

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

    /**
     * As shipped (publish-ahead 10 min, which the flow tests set to 0): the next key is published at
     * once and signs only once every verifier's cached JWKS can know it.
     */
    @Test
    void withTheDefaultPublishAheadTheNextKeySignsOnlyTenMinutesAfterItWasPublished() {
        SigningProperties shipped = new Binder(new MapConfigurationPropertySource(Map.of("platform.signing.encryption-secret",
                environment.getRequiredProperty("platform.signing.encryption-secret"))))
            .bindOrCreate("platform.signing", SigningProperties.class);
        assertThat(shipped.publishAhead()).isEqualTo(Duration.ofMinutes(10));
        AdvancingClock clock = new AdvancingClock();
        SigningKeys rotating = new SigningKeys(new SigningKeyStore(jdbc, shipped), shipped, tx, clock);
        String signer = rotating.currentSigner().getKeyID();
        try {
            assertThat(rotating.rotate()).isEqualTo(SigningKeys.RotationResult.NEXT_PUBLISHED);
            List<String> published = kidsOf(rotating);
            assertThat(published).contains(signer).hasSizeGreaterThanOrEqualTo(2);

            clock.advance(Duration.ofMinutes(9).plusSeconds(50));
            assertThat(rotating.rotate()).isEqualTo(SigningKeys.RotationResult.WAITING_FOR_PUBLICATION);
            assertThat(rotating.currentSigner().getKeyID()).as("still signing, 9 min 50 s on").isEqualTo(signer);

            clock.advance(Duration.ofSeconds(20));
            assertThat(rotating.rotate()).isEqualTo(SigningKeys.RotationResult.PROMOTED);
            assertThat(rotating.currentSigner().getKeyID()).as("signing, 10 min 10 s on").isNotEqualTo(signer)
                .isIn(published);
        }
        finally {
            keys.refresh(); // the server under test signs with what the table now says
        }
    }

    private static List<String> kidsOf(SigningKeys keys) {
        return keys.publishedSet().getKeys().stream().map(JWK::getKeyID).toList();
    }

    /** The system clock, moved on by the test. */
    private static final class AdvancingClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration duration) {
            offset = offset.plus(duration);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
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
