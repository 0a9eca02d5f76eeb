package org.ssoplatform.auth.apikey;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * Checks a leak report's signature as GitHub's partner program makes it: ECDSA on P-256 with SHA-256 over
 * the raw body, ASN.1 DER, base64, under the key the identifier header names. The configured keys are parsed
 * at start-up, so a broken PEM stops the server instead of silently refusing every report.
 */
@Component
class LeakReportSignatures {

    private static final int P256_FIELD_BITS = 256;

    private final Map<String, PublicKey> keys = new HashMap<>();

    LeakReportSignatures(LeakReportProperties properties) {
        for (LeakReportProperties.PublicKeyEntry entry : properties.publicKeys()) {
            if (entry.id() == null || entry.id().isBlank() || entry.pem() == null) {
                throw new IllegalStateException("platform.leak-reports.public-keys: each needs an id and a pem");
            }
            keys.put(entry.id(), parse(entry.id(), entry.pem()));
        }
    }

    /** Returns quietly for a body signed by a configured key; anything else is a 401 problem. */
    void verify(String keyId, String signature, byte[] body) {
        if (keyId == null || keyId.isBlank() || signature == null || signature.isBlank()) {
            throw unauthorized("signature_required",
                    "A leak report needs the GITHUB-PUBLIC-KEY-IDENTIFIER and GITHUB-PUBLIC-KEY-SIGNATURE headers.");
        }
        PublicKey key = keys.get(keyId.strip());
        if (key == null) {
            throw unauthorized("unknown_signing_key", "The report is signed with a key this platform does not trust.");
        }
        if (!valid(key, signature.strip(), body)) {
            throw unauthorized("invalid_signature", "The report's signature does not match its body.");
        }
    }

    private static boolean valid(PublicKey key, String signature, byte[] body) {
        try {
            Signature verifier = Signature.getInstance("SHA256withECDSA");
            verifier.initVerify(key);
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature));
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            return false; // not base64, or not a DER signature: as good as a wrong one
        }
    }

    private static PublicKey parse(String id, String pem) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(
                    Base64.getDecoder().decode(base64)));
            if (!(key instanceof ECPublicKey ec) || ec.getParams().getCurve().getField().getFieldSize() != P256_FIELD_BITS) {
                throw new IllegalStateException("platform.leak-reports.public-keys '" + id + "' is not a P-256 key");
            }
            return key;
        }
        catch (IllegalArgumentException | GeneralSecurityException ex) {
            throw new IllegalStateException("platform.leak-reports.public-keys '" + id
                    + "' is not a PEM-encoded EC public key", ex);
        }
    }

    private static ErrorResponseException unauthorized(String code, String detail) {
        return ApiProblem.of(HttpStatus.UNAUTHORIZED, code, detail);
    }
}
