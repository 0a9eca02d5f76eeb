package org.ssoplatform.auth.support;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Stands in for GitHub's secret scanning: an ECDSA P-256 key pair made for this run, whose public half the
 * server is configured with, and reports signed with it the way GitHub signs them (SHA-256, DER, base64).
 */
public final class LeakReporter {

    public static final String PATH = "/api/v1/api-keys/leaks";

    public static final String KEY_ID = "test-secret-scanning-key";

    private static final KeyPair KEYS = generate();

    private final String base;

    public LeakReporter(String base) {
        this.base = base;
    }

    static void register(DynamicPropertyRegistry registry) {
        registry.add("platform.leak-reports.public-keys[0].id", () -> KEY_ID);
        registry.add("platform.leak-reports.public-keys[0].pem", LeakReporter::publicKeyPem);
    }

    /** A report as GitHub sends it: a JSON list of {@code {token, type, url, source}}. */
    public static byte[] report(String... tokens) {
        List<Map<String, String>> items = Arrays.stream(tokens)
            .map(token -> Map.of("token", token, "type", "ssop_api_key", "url",
                    "https://github.com/someone/public-repo/blob/main/.env", "source", "content"))
            .toList();
        return Http.JSON.writeValueAsBytes(items);
    }

    public static String sign(byte[] body) {
        return sign(KEYS, body);
    }

    /** Signed with a key pair the server does not know. */
    public static String signWithAnotherKey(byte[] body) {
        return sign(generate(), body);
    }

    public Http.Response post(byte[] body, String keyId, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + PATH))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body));
        if (keyId != null) {
            request.header("GITHUB-PUBLIC-KEY-IDENTIFIER", keyId);
        }
        if (signature != null) {
            request.header("GITHUB-PUBLIC-KEY-SIGNATURE", signature);
        }
        return new Http(base).sendAsync(request.build()).join();
    }

    /** Posted and signed as GitHub would. */
    public Http.Response postSigned(byte[] body) {
        return post(body, KEY_ID, sign(body));
    }

    private static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(KEYS.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(KeyPair keys, byte[] body) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(keys.getPrivate());
            signature.update(body);
            return Base64.getEncoder().encodeToString(signature.sign());
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
