package org.ssoplatform.contract;

/**
 * Every Redis key and channel the gateway and auth-server share, under one namespace
 * ({@code platform.redis.namespace}), so none escapes it: test runs and deployments share Redis servers.
 * Keys that one command, script or transaction uses together carry the same hash tag ({@code {...}}), so
 * that on Redis Cluster they live in one slot.
 */
public final class RedisKeys {

    /** How many dirty sets the usage hashes are spread over, each with its hashes in one cluster slot. */
    public static final int USAGE_SHARDS = 16;

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
        return ns + ":apikey:token:{" + hashHex + "}";
    }

    /** A key auth-server refused, remembered briefly by the gateways; in the slot of its {@link #apiKeyToken}. */
    public String apiKeyUnknown(String hashHex) {
        return ns + ":apikey:unknown:{" + hashHex + "}";
    }

    /** Patterns for a bulk invalidation ({@code {"all":true}}). */
    public String[] apiKeyCachePatterns() {
        return new String[] { ns + ":apikey:token:*", ns + ":apikey:unknown:*" };
    }

    /** The channel on which auth-server tells the gateways which cached key tokens to drop. */
    public String invalidations() {
        return ns + ":apikey:invalidations";
    }

    /** A key's usage hash, written by the gateways and read by auth-server; in its shard's slot. */
    public String usage(String apiKeyId) {
        return usagePrefix(usageShard(apiKeyId)) + apiKeyId;
    }

    /**
     * The ids of keys of one shard ({@code 0 ≤ shard <} {@link #USAGE_SHARDS}) whose {@link #usage} changed
     * since auth-server last flushed them.
     */
    public String usageDirty(int shard) {
        return ns + ":apikey:usage:{u" + shard + "}:dirty";
    }

    /** The shard of a key id: the id modulo {@link #USAGE_SHARDS} (ids are numbers; any other text by its hash code). */
    public static int usageShard(String apiKeyId) {
        long number;
        try {
            number = Long.parseLong(apiKeyId);
        }
        catch (NumberFormatException ex) {
            number = apiKeyId.hashCode();
        }
        return (int) Math.floorMod(number, (long) USAGE_SHARDS);
    }

    /** The prefix of a shard's {@link #usage} hashes: the hash of key id {@code id} is this followed by {@code id}. */
    public String usagePrefix(int shard) {
        return ns + ":apikey:usage:{u" + shard + "}:";
    }

    /**
     * One batch of a shard's {@link #usage} hashes auth-server claimed (moved here in one script, fields
     * {@code <apiKeyId>|<field>}) until it is added to PostgreSQL; in the shard's slot.
     */
    public String usageClaim(int shard, String batchId) {
        return ns + ":apikey:usage-claim:{u" + shard + "}:" + batchId;
    }

    /** The ids of a shard's {@link #usageClaim} batches not yet added and let go; in the shard's slot. */
    public String usageClaims(int shard) {
        return ns + ":apikey:usage-claims:{u" + shard + "}";
    }

    public String failedAttempts(String clientAddress) {
        return ns + ":apikey:failed:{" + clientAddress + "}";
    }

    /** The key hashes counted in {@link #failedAttempts}, so that each counts once; in its slot. */
    public String failedKeys(String clientAddress) {
        return ns + ":apikey:failed-keys:{" + clientAddress + "}";
    }

    public String rateLimit(String subject) {
        return ns + ":ratelimit:" + subject;
    }

    /** When the user signed out everywhere (epoch ms, written by auth-server): older sessions are over. */
    public String sessionsRevoked(String userId) {
        return ns + ":sessions-revoked:" + userId;
    }
}
