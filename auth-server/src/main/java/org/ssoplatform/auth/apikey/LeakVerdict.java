package org.ssoplatform.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The partner protocol's feedback on one reported token: the token itself never goes back.
 *
 * @param tokenHash SHA-256 of the token's UTF-8 bytes, in hex
 * @param tokenType the reported type, echoed
 * @param label whether the token was one of this platform's keys
 */
record LeakVerdict(String tokenHash, String tokenType,
        @Schema(allowableValues = { TRUE_POSITIVE, FALSE_POSITIVE }) String label) {

    static final String TRUE_POSITIVE = "true_positive";

    static final String FALSE_POSITIVE = "false_positive";

    static LeakVerdict of(LeakReport report, boolean ours) {
        return new LeakVerdict(sha256Hex(report.token()), report.type(), ours ? TRUE_POSITIVE : FALSE_POSITIVE);
    }

    /** Like ApiKeyFormat's hash, but over UTF-8: a false positive may be any text. */
    private static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
