package org.ssoplatform.e2e.stack;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

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

    /** Whether {@code {ns}:<key>} exists, e.g. {@code apikey:unknown:<sha256 of a key>}. */
    public boolean has(String key) {
        return connection.sync().exists(namespace + ":" + key) > 0;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}
