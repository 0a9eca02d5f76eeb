package org.ssoplatform.auth.shared;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses secrets a person made up: too short, too little variety, or a repeated pattern. Hex text
 * counts 4 bits a character, base64 text 6, anything else at most its measured per-character entropy.
 */
public final class SecretStrength {

    /** The least a secret must carry. */
    public static final int MINIMUM_BITS = 128;

    /** For a key-derivation secret such as {@code PLATFORM_SIGNING_SECRET}. */
    public static final String GENERATE_BASE64 = "generate one with `openssl rand -base64 32`";

    /** For a client secret, which HTTP Basic authentication form-decodes: hex has no '+' to lose. */
    public static final String GENERATE_HEX = "generate one with `openssl rand -hex 32`";

    private SecretStrength() {
    }

    /** Fails start-up with a message naming the setting when {@code secret} is weak. */
    public static void require(String setting, String secret, String howToGenerate) {
        weakness(secret).ifPresent(why -> {
            throw new IllegalArgumentException(setting + " " + why + ": " + howToGenerate);
        });
    }

    /** Why the secret is weak, if it is. */
    public static Optional<String> weakness(String secret) {
        if (secret == null || secret.isBlank()) {
            return Optional.of("must be set");
        }
        String value = secret.strip();
        if (value.chars().distinct().count() == 1) {
            return Optional.of("is one repeated character");
        }
        if (repeatsAShorterPattern(value)) {
            return Optional.of("repeats a shorter pattern");
        }
        double perCharacter = shannonBitsPerCharacter(value);
        if (perCharacter < 2.5) {
            return Optional.of("has too little variety of characters");
        }
        double bits = value.length() * bitsPerCharacter(value, perCharacter);
        if (bits < MINIMUM_BITS) {
            return Optional.of("carries about %d bits; at least %d are needed".formatted((int) bits, MINIMUM_BITS));
        }
        return Optional.empty();
    }

    private static double bitsPerCharacter(String value, double measured) {
        if (value.matches("[0-9a-fA-F]+")) {
            return 4;
        }
        if (value.matches("[A-Za-z0-9+/_-]+={0,2}")) {
            return 6;
        }
        return Math.min(measured, 6.5);
    }

    private static boolean repeatsAShorterPattern(String value) {
        return (value + value).indexOf(value, 1) < value.length();
    }

    private static double shannonBitsPerCharacter(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.chars().forEach(c -> counts.merge(c, 1, Integer::sum));
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / value.length();
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy;
    }
}
