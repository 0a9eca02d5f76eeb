package org.ssoplatform.auth.shared;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets a person made up are refused, with how to make a good one; random ones pass. */
class SecretStrengthTests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @ParameterizedTest
    @ValueSource(strings = { "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "0123456789abcdef0123456789abcdef0123456789abcdef",
            "abababababababababababababababababababababababab",
            "0123456789abcdef0123456789abcde",
            "c2VjcmV0LXNlY3JldA==",
            "changeme", "" })
    void weakSecretsAreRefusedWithHowToGenerateOne(String secret) {
        assertThatThrownBy(() -> SecretStrength.require("PLATFORM_SIGNING_SECRET", secret, SecretStrength.GENERATE_BASE64))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageStartingWith("PLATFORM_SIGNING_SECRET")
            .hasMessageContaining("openssl rand -base64 32");
    }

    @Test
    void randomSecretsOfAtLeast128BitsPass() {
        for (int i = 0; i < 200; i++) {
            assertThat(SecretStrength.weakness(Base64.getEncoder().encodeToString(bytes(32)))).isEmpty();
            assertThat(SecretStrength.weakness(HexFormat.of().formatHex(bytes(32)))).isEmpty();
            assertThat(SecretStrength.weakness(HexFormat.of().formatHex(bytes(16)))).isEmpty();
        }
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
