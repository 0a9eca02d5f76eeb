package org.ssoplatform.portal.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A page of the audit trail, newest first. */
public record AuditPage(List<Entry> items, int page, int size, long total) implements Paged {

    /** One line of the audit trail. */
    public record Entry(long id, Long actorUserId, Long actorApiKeyId, String action, String targetType,
            String targetId, Map<String, Object> details, String clientAddress, Instant at) {
    }
}
