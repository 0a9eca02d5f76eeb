package org.ssoplatform.auth.signing;

import java.security.Provider;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The encoder's tokens are standard JWS whichever provider signs them: the JDK, and the fastest this
 * machine has, which is AWS-LC where its native library ships (Linux on x86-64) and the JDK elsewhere.
 * Each runs everywhere; the second names in the test's title which one it was.
 */
class PlatformJwtEncoderTests {

    private static final String PLATFORM = System.getProperty("os.name") + " " + System.getProperty("os.arch");

    private static final boolean AWS_LC_SHIPS = PLATFORM.equals("Linux amd64");

    private static final String FASTEST = "fastest: " + (AWS_LC_SHIPS ? "AWS-LC" : "the JDK's fallback on " + PLATFORM);

    static List<String> providers() {
        return List.of("jdk", FASTEST);
    }

    private final Instant issuedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void tokensVerifyWithThePublishedKeyAndCarryTheClaimsAsJson(String provider) throws Exception {
        RSAKey key = newKey("k1");
        PlatformJwtEncoder encoder = new PlatformJwtEncoder(() -> key, signers(provider));

        Jwt jwt = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).type("at+jwt").build(),
                claims()));

        SignedJWT parsed = SignedJWT.parse(jwt.getTokenValue());
        assertThat(parsed.verify(new RSASSAVerifier(key.toPublicJWK()))).isTrue();
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(parsed.getHeader().getKeyID()).isEqualTo("k1");
        assertThat(parsed.getHeader().getType().getType()).isEqualTo("at+jwt");
        assertThat(parsed.getPayload().toJSONObject())
            .containsEntry("iss", "http://auth.test")
            .containsEntry("sub", "42")
            .containsEntry("aud", "platform")
            .containsEntry("iat", issuedAt.getEpochSecond())
            .containsEntry("exp", issuedAt.plusSeconds(900).getEpochSecond())
            .containsEntry("roles", List.of("admin", "user"));
        assertThat(jwt.getHeaders()).containsEntry("kid", "k1");
        assertThat(jwt.getExpiresAt()).isEqualTo(issuedAt.plusSeconds(900));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void aRotatedKeySignsTheNextToken(String provider) throws Exception {
        AtomicReference<RSAKey> current = new AtomicReference<>(newKey("before"));
        PlatformJwtEncoder encoder = new PlatformJwtEncoder(current::get, signers(provider));
        encoder.encode(JwtEncoderParameters.from(claims()));
        RSAKey next = newKey("after");
        current.set(next);

        SignedJWT parsed = SignedJWT.parse(encoder.encode(JwtEncoderParameters.from(claims())).getTokenValue());

        assertThat(parsed.getHeader().getKeyID()).isEqualTo("after");
        assertThat(parsed.verify(new RSASSAVerifier(next.toPublicJWK()))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providers")
    void headersItCannotHonourAreRefusedRatherThanDropped(String provider) throws Exception {
        RSAKey key = newKey("k1");
        PlatformJwtEncoder encoder = new PlatformJwtEncoder(() -> key, signers(provider));

        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).jwkSetUrl("http://elsewhere/jwks").build(), claims())))
            .isInstanceOf(JwtEncodingException.class)
            .hasMessageContaining("jku");
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.ES256).build(), claims())))
            .isInstanceOf(JwtEncodingException.class);
        assertThatThrownBy(() -> encoder.encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("retired").build(), claims())))
            .isInstanceOf(JwtEncodingException.class);
    }

    private JwtClaimsSet claims() {
        return JwtClaimsSet.builder()
            .issuer("http://auth.test")
            .subject("42")
            .audience(List.of("platform"))
            .issuedAt(issuedAt)
            .expiresAt(issuedAt.plusSeconds(900))
            .claim("roles", List.of("admin", "user"))
            .build();
    }

    private static RsaSigners signers(String provider) throws Exception {
        if (provider.equals("jdk")) {
            return RsaSigners.jdk();
        }
        RsaSigners fastest = RsaSigners.fastest();
        Provider used = fastest.signer(newKey("probe")).getJCAContext().getProvider();
        if (AWS_LC_SHIPS) {
            assertThat(used).as("AWS-LC on " + PLATFORM).isSameAs(AmazonCorrettoCryptoProvider.INSTANCE);
        }
        else {
            assertThat(used).as("the JDK's own provider on " + PLATFORM).isNull();
        }
        return fastest;
    }

    private static RSAKey newKey(String kid) throws Exception {
        return new RSAKeyGenerator(2048).keyID(kid).generate();
    }
}
