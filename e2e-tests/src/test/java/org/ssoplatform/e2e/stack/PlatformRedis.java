package org.ssoplatform.e2e.stack;

import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import org.ssoplatform.contract.RedisKeys;

/** The run's Redis, read as an operator with redis-cli would: what the gateways have noted there. */
public final class PlatformRedis implements AutoCloseable {

    private final RedisClient client;

    private final StatefulRedisConnection<String, String> connection;

    private final String namespace;

    PlatformRedis(BackingServices services) {
        this.client = RedisClient.create(RedisURI.builder().withHost(services.redisHost()).withPort(services.redisPort())
            .build());
        this.connection = client.connect();
        this.namespace = services.namespace();
    }

    /** Whether the key this stack's namespace gives {@code name} exists, e.g. {@code keys -> keys.apiKeyUnknown(hash)}. */
    public boolean has(Function<RedisKeys, String> name) {
        return connection.sync().exists(name.apply(new RedisKeys(namespace))) > 0;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
