package org.ssoplatform.contract;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.zip.CRC32;

/**
 * API keys look like {@code ssop_<40 base62 characters of randomness><6 base62 characters of CRC32>}.
 * The fixed prefix lets secret scanners find leaked keys; the checksum lets the gateway reject a
 * mistyped or made-up key with no lookup at all. 40 base62 characters carry 238 random bits.
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "ssop_";

    /** The RFC 8693 {@code subject_token_type} under which the gateway exchanges a key for a token at auth-server. */
    public static final String TOKEN_TYPE = "urn:ssoplatform:params:oauth:token-type:api-key";

    static final int RANDOM_LENGTH = 40;

    static final int CHECKSUM_LENGTH = 6;

    public static final int LENGTH = PREFIX.length() + RANDOM_LENGTH + CHECKSUM_LENGTH;

    /** Characters shown in listings: the prefix and the first random ones. */
    public static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 6;

    public static final int DISPLAY_LAST_LENGTH = 4;

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private static final boolean[] IS_BASE62 = new boolean[128];

    static {
        for (char c : BASE62.toCharArray()) {
            IS_BASE62[c] = true;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Cloned for each hash: looking SHA-256 up among the security providers builds the digest by
     * reflection, which cost the gateway's key route more than the hashing itself
     * (docs/performance.md#api-key-cache-tiers).
     */
    private static final MessageDigest SHA_256 = sha256();

    private ApiKeyFormat() {
    }

    public static String generate() {
        StringBuilder random = new StringBuilder(RANDOM_LENGTH);
        for (int i = 0; i < RANDOM_LENGTH; i++) {
            random.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
        }
        return PREFIX + random + checksum(random);
    }

    /** Prefix, length, alphabet and checksum: a cheap check that needs no I/O. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.length() != LENGTH || !key.startsWith(PREFIX)) {
            return false;
        }
        // Asked on every API-key request at the gateway: a table instead of a search of the alphabet,
        // and the checksum compared character by character, with nothing allocated
        // (docs/performance.md#api-key-cache-tiers).
        CRC32 crc = new CRC32();
        for (int i = PREFIX.length(); i < LENGTH; i++) {
            char c = key.charAt(i);
            if (c >= IS_BASE62.length || !IS_BASE62[c]) {
                return false;
            }
            if (i < PREFIX.length() + RANDOM_LENGTH) {
                crc.update(c);
            }
        }
        long value = crc.getValue();
        for (int i = LENGTH - 1; i >= LENGTH - CHECKSUM_LENGTH; i--) {
            if (key.charAt(i) != BASE62.charAt((int) (value % 62))) {
                return false;
            }
            value /= 62;
        }
        return true;
    }

    /** SHA-256 of the key: what is stored and what caches are keyed by. High entropy needs no slow hash. */
    public static byte[] hash(String key) {
        try {
            return ((MessageDigest) SHA_256.clone()).digest(key.getBytes(StandardCharsets.US_ASCII));
        }
        catch (CloneNotSupportedException ex) {
            return sha256().digest(key.getBytes(StandardCharsets.US_ASCII)); // a provider without clone()
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String hashHex(String key) {
        return HexFormat.of().formatHex(hash(key));
    }

    public static String displayPrefix(String key) {
        return key.substring(0, DISPLAY_PREFIX_LENGTH);
    }

    public static String lastChars(String key) {
        return key.substring(key.length() - DISPLAY_LAST_LENGTH);
    }

    /** Prints a new key and its SHA-256 (hex), for provisioning scripts such as the demo data. */
    public static void main(String[] args) {
        String key = generate();
        System.out.println(key + " " + hashHex(key));
    }

    private static String checksum(CharSequence random) {
        CRC32 crc = new CRC32();
        crc.update(random.toString().getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECKSUM_LENGTH];
        for (int i = CHECKSUM_LENGTH - 1; i >= 0; i--) {
            out[i] = BASE62.charAt((int) (value % 62));
            value /= 62;
        }
        return new String(out);
    }
}
