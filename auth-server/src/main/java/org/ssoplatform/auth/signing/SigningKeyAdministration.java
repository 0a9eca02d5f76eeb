package org.ssoplatform.auth.signing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.nimbusds.jose.jwk.JWK;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.audit.AuditLog;

/** A rotation someone asked for: done and recorded in the audit trail in one transaction. */
@Service
class SigningKeyAdministration {

    private final SigningKeys keys;

    private final AuditLog audit;

    SigningKeyAdministration(SigningKeys keys, AuditLog audit) {
        this.keys = keys;
        this.audit = audit;
    }

    /** @return {@code result} and the {@code published_kids} after the rotation (public key ids, no secret) */
    @Transactional
    public Map<String, Object> rotate(Actor actor) {
        SigningKeys.RotationResult result = keys.rotate();
        List<String> published = keys.publishedSet().getKeys().stream().map(JWK::getKeyID).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("result", result.name().toLowerCase(Locale.ROOT));
        details.put("published_kids", published);
        audit.record(actor, "signing_key.rotated", "signing_key", keys.currentSigner().getKeyID(), details);
        return details;
    }
}
