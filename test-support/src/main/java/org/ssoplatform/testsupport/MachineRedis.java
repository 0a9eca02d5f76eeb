package org.ssoplatform.testsupport;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A Redis outside Docker: the machine's server given by {@code REDIS_*}, shared with other runs, or an
 * embedded one started for this JVM where {@link TestServices#redis()} says so. Either way this JVM
 * gets a key namespace of its own ({@code platform.redis.namespace}) whose keys are deleted when the
 * JVM exits.
 */
public final class MachineRedis {

    private static final String NAMESPACE = "test-" + ProcessHandle.current().pid() + "-"
            + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(MachineRedis::deleteNamespace, "clean-test-redis"));
    }

    private MachineRedis() {
    }

    public static String host() {
        return embedded() ? EmbeddedServers.redis().host() : configuredHost();
    }

    public static int port() {
        return embedded() ? EmbeddedServers.redis().port() : configuredPort();
    }

    /** Whether this JVM's Redis is an embedded server rather than the machine's. */
    public static boolean embedded() {
        return TestServices.redis() == TestServices.Source.EMBEDDED;
    }

    static String configuredHost() {
        return MachinePostgres.env("REDIS_HOST", "127.0.0.1");
    }

    static int configuredPort() {
        return Integer.parseInt(MachinePostgres.env("REDIS_PORT", "6379"));
    }

    public static String namespace() {
        return NAMESPACE;
    }

    private static void deleteNamespace() {
        if (TestServices.redisIfDecided() != TestServices.Source.MACHINE) {
            return; // a container or embedded server goes away with its keys
        }
        RedisClient client = RedisClient.create(RedisURI.builder().withHost(host()).withPort(port())
            .withTimeout(Duration.ofSeconds(2)).build());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.matches(NAMESPACE + ":*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.del(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            }
            while (!cursor.isFinished());
        }
        catch (RuntimeException ex) {
            // Nothing to clean if Redis is gone; keys of a namespace are never reused.
        }
        finally {
            client.shutdown();
        }
    }
}
