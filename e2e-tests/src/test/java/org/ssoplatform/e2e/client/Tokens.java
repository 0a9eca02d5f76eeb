package org.ssoplatform.e2e.client;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import tools.jackson.core.type.TypeReference;

/** Reading a JWT the way a debugging person does: its payload, unverified (whoever received it has verified it). */
public final class Tokens {

    private Tokens() {
    }

    public static Map<String, Object> claims(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return Reply.JSON.readValue(payload, new TypeReference<Map<String, Object>>() {
        });
    }

    public static Instant expiry(String jwt) {
        return Instant.ofEpochSecond(((Number) claims(jwt).get("exp")).longValue());
    }

    public static Instant issuedAt(String jwt) {
        return Instant.ofEpochSecond(((Number) claims(jwt).get("iat")).longValue());
    }
}
