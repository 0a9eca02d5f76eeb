package org.ssoplatform.resourceserver.reactive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.ssoplatform.resourceserver.PlatformJwtValidators;
import org.ssoplatform.resourceserver.PlatformResourceServerProperties;
import org.ssoplatform.resourceserver.VerifiedTokenCache;
import org.ssoplatform.resourceserver.testing.TestTokens;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Real tokens signed by the test issuer, verified by the library's own decoder and rules, counting each verification. */
class CachingReactiveJwtDecoderTests {

    private final AtomicInteger verifications = new AtomicInteger();

    @Test
    void aTokenVerifiedOnceIsServedWithoutVerifyingItAgain() {
        ReactiveJwtDecoder decoder = caching(Duration.ofSeconds(30));
        String token = TestTokens.user("42").email("ada@example.com").issue();
        Jwt first = decoder.decode(token).block();
        assertThat(decoder.decode(token).block()).isSameAs(first);
        assertThat(first.getSubject()).isEqualTo("42");
        assertThat(verifications).hasValue(1);
    }

    @Test
    void aTokenWithAChangedSignatureOrClaimIsVerifiedAndRefused() {
        ReactiveJwtDecoder decoder = caching(Duration.ofSeconds(30));
        String token = TestTokens.user("42").issue();
        decoder.decode(token).block();
        String[] parts = token.split("\\.");
        String signatureChanged = parts[0] + "." + parts[1] + "." + changeOneCharacter(parts[2]);
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(signatureChanged).block());
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"sub\":\"42\"");
        String subjectChanged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(claims.replace("\"sub\":\"42\"", "\"sub\":\"43\"").getBytes(StandardCharsets.UTF_8)) + "."
                + parts[2];
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(subjectChanged).block());
        assertThat(decoder.decode(token).block().getSubject()).isEqualTo("42");
        assertThat(verifications).hasValue(3);
    }

    @Test
    void aRefusedTokenIsRefusedAgainEveryTime() {
        ReactiveJwtDecoder decoder = caching(Duration.ofSeconds(30));
        String token = TestTokens.user("42").audience("billing-api").issue();
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token).block());
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token).block());
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aRememberedTokenIsRefusedOnceItHasExpired() throws InterruptedException {
        ReactiveJwtDecoder decoder = caching(Duration.ZERO);
        // The keys fetched first, so that the short-lived token is verified well before it expires.
        decoder.decode(TestTokens.user("7").issue()).block();
        String token = TestTokens.user("42").expiresIn(Duration.ofSeconds(4)).issue();
        Jwt jwt = decoder.decode(token).block();
        decoder.decode(token).block();
        assertThat(verifications).hasValue(2);
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), jwt.getExpiresAt()).toMillis()) + 1100);
        assertThatExceptionOfType(JwtException.class).isThrownBy(() -> decoder.decode(token).block())
            .withMessageContaining("expired");
        assertThat(verifications).hasValue(3);
    }

    /** One character in the middle of a base64url part replaced, so the bytes it encodes differ. */
    private static String changeOneCharacter(String part) {
        int middle = part.length() / 2;
        return part.substring(0, middle) + (part.charAt(middle) == 'A' ? 'B' : 'A') + part.substring(middle + 1);
    }

    /** The library's decoder (RS256 from the issuer's JWKS, its validators) behind the cache, each call counted. */
    private ReactiveJwtDecoder caching(Duration clockSkew) {
        PlatformResourceServerProperties properties = new PlatformResourceServerProperties(TestTokens.issuerUri(),
                TestTokens.jwkSetUri(), TestTokens.AUDIENCE, clockSkew, List.of(), Duration.ofSeconds(5), 100);
        NimbusReactiveJwtDecoder nimbus = NimbusReactiveJwtDecoder.withJwkSetUri(properties.effectiveJwkSetUri()).build();
        nimbus.setJwtValidator(PlatformJwtValidators.of(properties));
        ReactiveJwtDecoder counted = token -> {
            verifications.incrementAndGet();
            return nimbus.decode(token);
        };
        return new CachingReactiveJwtDecoder(counted, new VerifiedTokenCache(properties.verifiedTokens()));
    }
}
