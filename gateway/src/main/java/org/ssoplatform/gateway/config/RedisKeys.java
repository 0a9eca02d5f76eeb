package org.ssoplatform.gateway.config;

/**
 * Every Redis key and channel the gateway touches, in one place, so none escapes the namespace
 * (test runs and deployments share Redis servers).
 */
public final class RedisKeys {

    private final String ns;

    public RedisKeys(String namespace) {
        this.ns = namespace;
    }

    public String apiKeyToken(String hashHex) {
        return ns + ":apikey:token:" + hashHex;
    }

    public String apiKeyUnknown(String hashHex) {
        return ns + ":apikey:unknown:" + hashHex;
    }

    /** Patterns for a bulk invalidation ({@code {"all":true}}). */
    public String[] apiKeyCachePatterns() {
        return new String[] { ns + ":apikey:token:*", ns + ":apikey:unknown:*" };
    }

    public String invalidations() {
        return ns + ":apikey:invalidations";
    }

    public String usage(String apiKeyId) {
        return ns + ":apikey:usage:" + apiKeyId;
    }

    public String usageDirty() {
        return ns + ":apikey:usage:dirty";
    }

    public String failedAttempts(String clientAddress) {
        return ns + ":apikey:failed:" + clientAddress;
    }

    /** The key hashes counted in {@link #failedAttempts}, so that each counts once. */
    public String failedKeys(String clientAddress) {
        return ns + ":apikey:failed-keys:" + clientAddress;
    }

    public String rateLimit(String subject) {
        return ns + ":ratelimit:" + subject;
    }

    /** When the user signed out everywhere (epoch ms, written by auth-server): older sessions are over. */
    public String sessionsRevoked(String userId) {
        return ns + ":sessions-revoked:" + userId;
    }
}
