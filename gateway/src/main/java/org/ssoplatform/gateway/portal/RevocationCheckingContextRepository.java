package org.ssoplatform.gateway.portal;

import java.time.Clock;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

import org.ssoplatform.contract.RedisKeys;

/**
 * The portal's sessions, as Spring Security keeps them in the (Redis) web session, plus "sign out everywhere":
 * a session records when it signed in, and one whose user signed out everywhere at or after that moment
 * ({@code {ns}:sessions-revoked:{userId}}, written by auth-server; docs/contracts.md) is invalidated at its
 * next use and the request goes on unauthenticated. One Redis read per portal request with a signed-in session.
 */
final class RevocationCheckingContextRepository implements ServerSecurityContextRepository {

    /** Session attribute: epoch milliseconds of the sign-in. */
    static final String SIGNED_IN_AT = "platform.signed-in-at";

    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    private final ReactiveStringRedisTemplate redis;

    private final RedisKeys keys;

    private final Clock clock;

    RevocationCheckingContextRepository(ReactiveStringRedisTemplate redis, RedisKeys keys, Clock clock) {
        this.redis = redis;
        this.keys = keys;
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        Mono<Void> saved = sessions.save(exchange, context);
        if (context == null || context.getAuthentication() == null) {
            return saved;
        }
        return saved.then(exchange.getSession()
            .doOnNext(session -> session.getAttributes().put(SIGNED_IN_AT, clock.millis()))
            .then());
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        return sessions.load(exchange).filterWhen(context -> stillSignedIn(exchange, context.getAuthentication()));
    }

    private Mono<Boolean> stillSignedIn(ServerWebExchange exchange, Authentication user) {
        if (user == null) {
            return Mono.just(true);
        }
        return exchange.getSession().flatMap(session -> redis.opsForValue()
            .get(keys.sessionsRevoked(user.getName()))
            .map(revokedAt -> signedInAt(session) > Long.parseLong(revokedAt))
            .defaultIfEmpty(true)
            .flatMap(valid -> valid ? Mono.just(true) : end(session)));
    }

    /** A session from before the sign-in time was recorded counts as signed in at the epoch. */
    private static long signedInAt(WebSession session) {
        Object value = session.getAttributes().get(SIGNED_IN_AT);
        return value instanceof Long millis ? millis : 0L;
    }

    private static Mono<Boolean> end(WebSession session) {
        session.getAttributes().clear();
        return session.invalidate().thenReturn(false);
    }
}
