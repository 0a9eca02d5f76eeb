package org.ssoplatform.contract;

/**
 * Every Redis key and channel the gateway and auth-server share, under one namespace
 * ({@code platform.redis.namespace}), so none escapes it: test runs and deployments share Redis servers.
 */
public final class RedisKeys {

    /** The field of a {@link #usage} hash holding the key's last use (epoch ms; also spelled in usage_flush.lua). */
    public static final String USAGE_LAST_USED_AT = "last_used_at";

    /** The prefix of a {@link #usage} hash's per-day request counts: {@code count:YYYY-MM-DD} (UTC). */
    public static final String USAGE_COUNT_PREFIX = "count:";

    /** The {@link #invalidations} message that drops every cached key token: {@code {"all":true}}. */
    public static final String INVALIDATE_ALL = "all";

    /** The {@link #invalidations} message that drops the listed key hashes: {@code {"hashes":[...]}}. */
    public static final String INVALIDATE_HASHES = "hashes";

    /** When auth-server published an {@link #invalidations} message (epoch ms), for the gateways' revocation lag. */
    public static final String INVALIDATE_PUBLISHED_AT = "published_at";

    private final String ns;

    public RedisKeys(String namespace) {
        this.ns = namespace;
    }

    /** The token a key (by its SHA-256 hex) was exchanged for, cached by the gateways. */
    public String apiKeyToken(String hashHex) {
        return ns + ":apikey:token:" + hashHex;
    }

    /** A key auth-server refused, remembered briefly by the gateways. */
    public String apiKeyUnknown(String hashHex) {
        return ns + ":apikey:unknown:" + hashHex;
    }

    /** Patterns for a bulk invalidation ({@code {"all":true}}). */
    public String[] apiKeyCachePatterns() {
        return new String[] { ns + ":apikey:token:*", ns + ":apikey:unknown:*" };
    }

    /** The channel on which auth-server tells the gateways which cached key tokens to drop. */
    public String invalidations() {
        return ns + ":apikey:invalidations";
    }

    /** A key's usage hash, written by the gateways and read by auth-server. */
    public String usage(String apiKeyId) {
        return ns + ":apikey:usage:" + apiKeyId;
    }

    /** The ids of keys whose {@link #usage} changed since auth-server last flushed them. */
    public String usageDirty() {
        return ns + ":apikey:usage:dirty";
    }

    /**
     * One batch of {@link #usage} hashes auth-server claimed (moved here in one script, fields
     * {@code <apiKeyId>|<field>}) until it is added to PostgreSQL.
     */
    public String usageClaim(String batchId) {
        return ns + ":apikey:usage-claim:" + batchId;
    }

    /** The ids of the {@link #usageClaim} batches not yet added and let go. */
    public String usageClaims() {
        return ns + ":apikey:usage-claims";
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
