package org.ssoplatform.auth.apikey;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.AuditLog;
import org.ssoplatform.contract.ApiKeyFormat;

/**
 * Switches off and locks the keys a verified leak report names, as an admin deactivation does, and tells the gateways
 * at once: a key in a public repository is assumed in use by strangers. The owner learns from the audit
 * trail where it was found; the secret itself is never stored.
 */
@Service
class LeakedKeys {

    private final JdbcClient jdbc;

    private final ApiKeyRepository keys;

    private final AuditLog audit;

    private final ApplicationEventPublisher events;

    LeakedKeys(JdbcClient jdbc, ApiKeyRepository keys, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public List<LeakVerdict> handle(List<LeakReport> reports) {
        return reports.stream().map(report -> LeakVerdict.of(report, revoke(report))).toList();
    }

    /** Whether the token is one of ours: its current secret or a rotated-out one, whatever state the key is in. */
    private boolean revoke(LeakReport report) {
        Optional<ApiKey> found = find(report.token());
        if (found.isEmpty()) {
            return false;
        }
        ApiKey key = found.get();
        boolean wasActive = key.active();
        if (wasActive || !key.lockedByAdmin()) {
            // Locked as by an admin: the owner must not switch back on a key strangers may hold.
            key = keys.save(key.withActive(false, true));
        }
        Map<String, Object> details = ApiKeyIssuer.describe(key);
        details.put("token_type", report.type());
        details.put("url", report.url());
        details.put("source", report.source());
        details.put("deactivated", wasActive);
        audit.recordEvent(null, "api_key.leaked", "api_key", key.id(), details);
        events.publishEvent(KeysInvalidated.of(key.hashes()));
        return true;
    }

    private Optional<ApiKey> find(String token) {
        if (!ApiKeyFormat.isWellFormed(token)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id FROM api_keys WHERE key_hash = :hash OR previous_key_hash = :hash")
            .param("hash", ApiKeyFormat.hash(token))
            .query(Long.class)
            .optional()
            .flatMap(keys::findById);
    }
}
