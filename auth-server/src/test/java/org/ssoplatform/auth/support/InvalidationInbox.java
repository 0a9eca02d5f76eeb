package org.ssoplatform.auth.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/**
 * A gateway's view of the invalidation channel: every message published on it from its subscription on, in
 * order. "Nothing was published" is checked without sleeping: a marker sent through the server's own Redis
 * connection after the request must be the next message, since Redis delivers one connection's messages in
 * order. One per test: Spring pauses (stops) a cached context while another one runs, which would close a
 * longer-lived subscription.
 */
public final class InvalidationInbox implements AutoCloseable {

    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();

    private final StringRedisTemplate redis;

    private final String channel;

    private final RedisMessageListenerContainer container = new RedisMessageListenerContainer();

    public InvalidationInbox(StringRedisTemplate redis, String channel) {
        this.redis = redis;
        this.channel = channel;
        container.setConnectionFactory(redis.getRequiredConnectionFactory());
        container.addMessageListener((message, pattern) -> messages.add(new String(message.getBody(),
                StandardCharsets.UTF_8)), new ChannelTopic(channel));
        container.afterPropertiesSet();
        container.start();
        awaitSubscribed();
    }

    /** The next invalidation message, failing the test if none comes. */
    public JsonNode nextMessage() {
        String message = next();
        while (message != null && message.startsWith("marker:")) {
            message = next(); // a subscription probe delivered late on a loaded machine
        }
        if (message == null) {
            throw new AssertionError("Expected an invalidation message, got none");
        }
        return Http.JSON.readTree(message);
    }

    /** Asserts nothing was published since the last message read (or {@link #clear()}). */
    public void assertNothingPublished() {
        String marker = marker();
        String next = next();
        while (next != null && next.startsWith("marker:") && !marker.equals(next)) {
            next = next(); // a late subscription probe, not a publication
        }
        if (!marker.equals(next)) {
            throw new AssertionError("Expected no invalidation, got " + next);
        }
    }

    @Override
    public void close() throws Exception {
        container.destroy();
    }

    private String marker() {
        String marker = "marker:" + UUID.randomUUID();
        redis.convertAndSend(channel, marker);
        return marker;
    }

    private String next() {
        try {
            return messages.poll(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private void awaitSubscribed() {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String marker = marker();
            try {
                String got = messages.poll(200, TimeUnit.MILLISECONDS);
                if (marker.equals(got)) {
                    messages.clear();
                    return;
                }
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }
        throw new IllegalStateException("Not subscribed to " + channel);
    }
}
