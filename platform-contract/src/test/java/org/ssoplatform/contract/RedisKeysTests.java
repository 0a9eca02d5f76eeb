package org.ssoplatform.contract;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTests {

    private final RedisKeys keys = new RedisKeys("tenant-a");

    @Test
    void everyKeyAndChannelStaysInsideTheNamespace() throws Exception {
        List<String> names = new ArrayList<>();
        for (Method method : RedisKeys.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())) {
                continue;
            }
            Object[] args = new Object[method.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = method.getParameterTypes()[i] == int.class ? (Object) 3 : "x";
            }
            Object result = method.invoke(keys, args);
            if (result instanceof String[] patterns) {
                names.addAll(List.of(patterns));
            }
            else {
                names.add((String) result);
            }
        }
        assertThat(names).hasSizeGreaterThan(10).allSatisfy(name -> assertThat(name).startsWith("tenant-a:"));
    }

    @Test
    void theKeysAuthServerAndTheGatewayShareKeepTheirLayout() {
        // Written by one side and read by the other, possibly across a rolling upgrade: a change breaks both.
        assertThat(keys.invalidations()).isEqualTo("tenant-a:apikey:invalidations");
        assertThat(keys.usage("9")).isEqualTo("tenant-a:apikey:usage:{u9}:9");
        assertThat(keys.usage("25")).isEqualTo("tenant-a:apikey:usage:{u9}:25");
        assertThat(keys.usageDirty(9)).isEqualTo("tenant-a:apikey:usage:{u9}:dirty");
        assertThat(keys.usageClaim(9, "b1")).isEqualTo("tenant-a:apikey:usage-claim:{u9}:b1");
        assertThat(keys.usageClaims(9)).isEqualTo("tenant-a:apikey:usage-claims:{u9}");
        assertThat(keys.sessionsRevoked("42")).isEqualTo("tenant-a:sessions-revoked:42");
        assertThat(RedisKeys.USAGE_LAST_USED_AT).isEqualTo("last_used_at");
    }

    @Test
    void aBulkInvalidationMatchesEveryCachedKeyAndNothingElse() {
        String[] patterns = keys.apiKeyCachePatterns();
        assertThat(patterns).hasSize(2);
        assertThat(keys.apiKeyToken("ab12")).matches(glob(patterns[0]));
        assertThat(keys.apiKeyUnknown("ab12")).matches(glob(patterns[1]));
        assertThat(List.of(keys.usage("9"), keys.usageDirty(9), keys.invalidations(), keys.rateLimit("apikey:9"),
                new RedisKeys("tenant-b").apiKeyToken("ab12")))
            .noneMatch(name -> name.matches(glob(patterns[0])) || name.matches(glob(patterns[1])));
    }

    @Test
    void keysUsedTogetherShareAHashTagSoThatRedisClusterKeepsThemInOneSlot() {
        assertThat(hashTag(keys.apiKeyToken("ab12"))).isEqualTo(hashTag(keys.apiKeyUnknown("ab12"))).isEqualTo("ab12");
        assertThat(hashTag(keys.failedAttempts("10.0.0.1"))).isEqualTo(hashTag(keys.failedKeys("10.0.0.1")));
        for (String id : List.of("1", "16", "17", "123456789", "not-a-number")) {
            int shard = RedisKeys.usageShard(id);
            assertThat(hashTag(keys.usage(id))).isEqualTo(hashTag(keys.usageDirty(shard)))
                .isEqualTo(hashTag(keys.usageClaim(shard, "b1")))
                .isEqualTo(hashTag(keys.usageClaims(shard)));
            assertThat(keys.usage(id)).isEqualTo(keys.usagePrefix(shard) + id);
        }
        assertThat(hashTag(keys.usage("1"))).isNotEqualTo(hashTag(keys.usage("2")));
    }

    /** The part of a key Redis Cluster hashes: the text between the first '{' and the next '}'. */
    private static String hashTag(String key) {
        int open = key.indexOf('{');
        int close = key.indexOf('}', open + 1);
        assertThat(open).as("hash tag in " + key).isNotNegative();
        assertThat(close).as("hash tag in " + key).isGreaterThan(open + 1);
        return key.substring(open + 1, close);
    }

    private static String glob(String pattern) {
        return pattern.replace(".", "\\.").replace("*", ".*");
    }
}
