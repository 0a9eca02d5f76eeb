package org.ssoplatform.auth.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;

/**
 * Every token request looks its client up twice (authentication, then the grant); clients change
 * rarely, so a short-lived copy spares PostgreSQL a query and a JSON parse per lookup. A change made
 * on this instance is seen at once, on another instance when the change's announcement evicts its copies
 * (ClientCacheEviction), or within {@code ttl} if Redis lost it.
 */
class CachingRegisteredClientRepository implements RegisteredClientRepository {

    private record Entry(RegisteredClient client, Instant expires) {
    }

    private final RegisteredClientRepository delegate;

    private final Duration ttl;

    private final Clock clock;

    private final Map<String, Entry> byId = new ConcurrentHashMap<>();

    private final Map<String, Entry> byClientId = new ConcurrentHashMap<>();

    public CachingRegisteredClientRepository(RegisteredClientRepository delegate, Duration ttl, Clock clock) {
        this.delegate = delegate;
        this.ttl = ttl;
        this.clock = clock;
    }

    @Override
    public void save(RegisteredClient registeredClient) {
        delegate.save(registeredClient);
        evictAll();
    }

    /** Forgets every cached client: the next lookups read PostgreSQL. */
    void evictAll() {
        byId.clear();
        byClientId.clear();
    }

    @Override
    public RegisteredClient findById(String id) {
        return cached(byId, id, delegate::findById);
    }

    @Override
    public RegisteredClient findByClientId(String clientId) {
        return cached(byClientId, clientId, delegate::findByClientId);
    }

    private RegisteredClient cached(Map<String, Entry> cache, String key, Function<String, RegisteredClient> load) {
        Instant now = clock.instant();
        Entry entry = cache.get(key);
        if (entry != null && now.isBefore(entry.expires())) {
            return entry.client();
        }
        RegisteredClient client = load.apply(key);
        if (client != null) {
            cache.put(key, new Entry(client, now.plus(ttl)));
        }
        else {
            cache.remove(key);
        }
        return client;
    }
}
