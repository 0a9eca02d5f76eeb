package org.ssoplatform.auth.audit;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/** One line of the audit trail as the API shows it. */
record AuditEntry(long id, Long actorUserId, Long actorApiKeyId, String action, String targetType, String targetId,
        @Schema(type = "object", description = "What changed, by action; never secrets or hashes")
        JsonNode details, String clientAddress, Instant at) {
}
