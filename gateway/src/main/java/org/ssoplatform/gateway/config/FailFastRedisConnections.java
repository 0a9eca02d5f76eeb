package org.ssoplatform.gateway.config;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.connection.ReactiveRedisClusterConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnection;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;

/**
 * Lettuce's factory opens its shared connection on the caller's thread, under a lock, each time a command needs
 * it while there is none: with a Redis that accepts connections and never answers, every caller in turn would
 * wait out a whole connection attempt. After a failed attempt this refuses at once for {@code retryAfter}, then
 * lets one caller at a time try again; the commands' own timeouts bound everything else.
 */
final class FailFastRedisConnections implements ReactiveRedisConnectionFactory {

    private final ReactiveRedisConnectionFactory lettuce;

    private final long retryAfterNanos;

    private final AtomicBoolean probing = new AtomicBoolean();

    private volatile boolean open;

    private volatile long openUntil;

    FailFastRedisConnections(ReactiveRedisConnectionFactory lettuce, Duration retryAfter) {
        this.lettuce = lettuce;
        this.retryAfterNanos = retryAfter.toNanos();
    }

    @Override
    public ReactiveRedisConnection getReactiveConnection() {
        boolean probe = false;
        if (open) {
            if (System.nanoTime() - openUntil < 0 || !probing.compareAndSet(false, true)) {
                throw new RedisConnectionFailureException("Redis is unreachable");
            }
            probe = true;
        }
        try {
            ReactiveRedisConnection connection = lettuce.getReactiveConnection();
            open = false;
            return connection;
        }
        catch (RedisConnectionFailureException ex) {
            openUntil = System.nanoTime() + retryAfterNanos;
            open = true;
            throw ex;
        }
        finally {
            if (probe) {
                probing.set(false);
            }
        }
    }

    @Override
    public ReactiveRedisClusterConnection getReactiveClusterConnection() {
        return lettuce.getReactiveClusterConnection();
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        return lettuce.translateExceptionIfPossible(ex);
    }
}
