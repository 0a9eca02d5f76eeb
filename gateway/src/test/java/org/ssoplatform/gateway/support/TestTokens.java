package org.ssoplatform.gateway.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Signs tokens like auth-server does, with a test RSA key whose public half the JWKS stub serves. */
public final class TestTokens {

    public static final String ISSUER = "http://issuer.test:9000";

    public static final String AUDIENCE = "platform-api";

    public static final RSAKey KEY = generate("test-key");

    /** Same algorithm, never published: tokens signed with it must fail. */
    public static final RSAKey FOREIGN_KEY = generate("test-key");

    /** Published nowhere under this kid. */
    public static final RSAKey UNKNOWN_KID_KEY = generate("rotated-" + UUID.randomUUID());

    private TestTokens() {
    }

    public static String jwks() {
        return new JWKSet(KEY.toPublicJWK()).toString();
    }

    public static JWTClaimsSet.Builder userClaims(String sub) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER)
            .audience(List.of(AUDIENCE))
            .subject(sub)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
            .jwtID(UUID.randomUUID().toString())
            .claim("roles", List.of("user"))
            .claim("auth_type", "JWT");
    }

    public static String user(String sub) {
        return sign(userClaims(sub).build(), KEY);
    }

    /** What the token exchange returns for an API key. */
    public static String apiKeyToken(String apiKeyId, Duration lifetime) {
        return sign(apiKeyClaims(apiKeyId, lifetime).build(), KEY);
    }

    /** What the token exchange returns for an API key with its own rate limit (docs/contracts.md). */
    public static String apiKeyToken(String apiKeyId, Duration lifetime, int capacity, double replenishPerSecond) {
        return sign(apiKeyClaims(apiKeyId, lifetime)
            .claim("rate_limit", Map.of("capacity", capacity, "replenish_per_second", replenishPerSecond))
            .build(), KEY);
    }

    private static JWTClaimsSet.Builder apiKeyClaims(String apiKeyId, Duration lifetime) {
        return userClaims("owner-of-" + apiKeyId).claim("auth_type", "API_KEY")
            .claim("api_key_id", apiKeyId)
            .claim("permissions", List.of("posts:read"))
            .expirationTime(Date.from(Instant.now().plus(lifetime)));
    }

    public static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }

    public static String tokenResponse(String jwt, long expiresIn) {
        return "{\"access_token\":\"" + jwt + "\",\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                + "\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + "}";
    }


    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
