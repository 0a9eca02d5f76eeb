package org.ssoplatform.e2e.stack;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;

/** The three deployment secrets, fresh for every run (64 hex characters each), as the apps read them. */
final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    static Map<String, String> generate() {
        return Map.of("PLATFORM_SIGNING_SECRET", random(), "GATEWAY_CLIENT_SECRET", random(), "PORTAL_CLIENT_SECRET",
                random());
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
