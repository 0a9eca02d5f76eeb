package org.ssoplatform.auth.signing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published key set (served at {@code /oauth2/jwks}) and the one key that signs, read from
 * PostgreSQL so every instance shares them, and re-read every {@code refresh-interval}.
 */
public class SigningKeys implements JWKSource<SecurityContext> {

    private record Snapshot(JWKSet published, RSAKey signer) {
    }

    private final SigningKeyStore store;

    private final SigningProperties properties;

    private final TransactionTemplate tx;

    private final Clock clock;

    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyStore store, SigningProperties properties, TransactionTemplate tx, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        tx.executeWithoutResult(status -> {
            store.lock();
            store.reseal();
        });
        refresh();
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        return selector.select(snapshot.published());
    }

    /** The one key that signs now. */
    RSAKey currentSigner() {
        return snapshot.signer();
    }

    public JWKSet publishedSet() {
        return snapshot.published().toPublicJWKSet();
    }

    /** Publishes a next key, or promotes it once it has been published for {@code publish-ahead}. */
    public RotationResult rotate() {
        RotationResult result = tx.execute(status -> {
            store.lock();
            Optional<SigningKeyStore.StoredKey> next = find(SigningKeyStore.State.NEXT);
            if (next.isEmpty()) {
                store.insert(SigningKeyStore.State.NEXT);
                return RotationResult.NEXT_PUBLISHED;
            }
            Instant signsFrom = next.get().createdAt().plus(properties.publishAhead());
            if (clock.instant().isBefore(signsFrom)) {
                return RotationResult.WAITING_FOR_PUBLICATION;
            }
            store.deletePreviousDemotedBefore(clock.instant().minus(properties.retainPrevious()));
            store.promoteNext();
            return RotationResult.PROMOTED;
        });
        refresh();
        return result;
    }

    /** Prepares and promotes keys on schedule; harmless on every instance at once. */
    @Scheduled(fixedDelayString = "${platform.signing.check-interval:1m}")
    void scheduledRotation() {
        tx.executeWithoutResult(status -> store.deletePreviousDemotedBefore(clock.instant().minus(properties.retainPrevious())));
        Optional<SigningKeyStore.StoredKey> current = find(SigningKeyStore.State.CURRENT);
        boolean due = current.map(k -> k.activatedAt() == null
                || clock.instant().isAfter(k.activatedAt().plus(properties.rotationPeriod())))
            .orElse(true);
        if (due || find(SigningKeyStore.State.NEXT).isPresent()) {
            rotate();
        }
    }

    @Scheduled(fixedDelayString = "${platform.signing.refresh-interval:10s}")
    void refresh() {
        List<SigningKeyStore.StoredKey> keys = store.published();
        if (keys.stream().noneMatch(k -> k.state() == SigningKeyStore.State.CURRENT)) {
            tx.executeWithoutResult(status -> store.insert(SigningKeyStore.State.CURRENT));
            keys = store.published();
        }
        RSAKey signer = keys.stream()
            .filter(k -> k.state() == SigningKeyStore.State.CURRENT)
            .findFirst()
            .orElseThrow()
            .key();
        this.snapshot = new Snapshot(new JWKSet(keys.stream().map(k -> (JWK) k.key()).toList()), signer);
    }

    private Optional<SigningKeyStore.StoredKey> find(SigningKeyStore.State state) {
        return store.published().stream().filter(k -> k.state() == state).findFirst();
    }

    public enum RotationResult { NEXT_PUBLISHED, WAITING_FOR_PUBLICATION, PROMOTED }
}
