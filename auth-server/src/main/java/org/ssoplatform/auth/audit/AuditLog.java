package org.ssoplatform.auth.audit;

import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The audit trail: appended inside the transaction of the change it records, so both commit or neither does.
 * Security events that change nothing stored (a sign-in refused, a sign-out) get a transaction of their own.
 */
@Component
public class AuditLog {

    private final JdbcClient jdbc;

    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param details snake_case keys; never secrets, hashes or tokens */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, String targetType, Object targetId, Map<String, ?> details) {
        insert(actor.userId(), actor.apiKeyId(), action, targetType, targetId, details);
    }

    /**
     * A security event (sign-in, link, sign-out, token reuse...), in the caller's transaction if there is one.
     *
     * @param actorUserId the user who acted, or {@code null} when nobody known did (a refused sign-in)
     * @param details snake_case keys; never secrets, hashes, tokens or authorization codes
     */
    @Transactional
    public void recordEvent(Long actorUserId, String action, String targetType, Object targetId,
            Map<String, ?> details) {
        insert(actorUserId, null, action, targetType, targetId, details);
    }

    private void insert(Long actorUserId, Long actorApiKeyId, String action, String targetType, Object targetId,
            Map<String, ?> details) {
        jdbc.sql("""
                INSERT INTO audit_log (actor_user_id, actor_api_key_id, action, target_type, target_id, details,
                                       client_address)
                VALUES (:user, :key, :action, :type, :target, CAST(:details AS jsonb), :address)""")
            .param("user", actorUserId)
            .param("key", actorApiKeyId)
            .param("action", action)
            .param("type", targetType)
            .param("target", String.valueOf(targetId))
            .param("details", json.writeValueAsString(details))
            .param("address", clientAddress())
            .update();
    }

    /** What to read of the trail; every part may be {@code null} (no filter). {@code to} is exclusive. */
    record Filter(String targetType, String targetId, String action, Long actor, Instant from, Instant to) {
    }

    AuditPage page(int page, int size, Filter filter) {
        String where = " WHERE (CAST(:type AS text) IS NULL OR target_type = :type)"
                + " AND (CAST(:target AS text) IS NULL OR target_id = :target)"
                + " AND (CAST(:action AS text) IS NULL OR action = :action)"
                + " AND (CAST(:actor AS bigint) IS NULL OR actor_user_id = :actor)"
                + " AND (CAST(:from AS timestamptz) IS NULL OR at >= :from)"
                + " AND (CAST(:to AS timestamptz) IS NULL OR at < :to)";
        long total = bind(jdbc.sql("SELECT count(*) FROM audit_log" + where), filter).query(Long.class).single();
        List<AuditEntry> items = bind(jdbc.sql("""
                SELECT id, actor_user_id, actor_api_key_id, action, target_type, target_id, CAST(details AS text),
                       client_address, at
                FROM audit_log""" + where + " ORDER BY at DESC, id DESC LIMIT :size OFFSET :offset"), filter)
            .param("size", size)
            .param("offset", (long) page * size)
            .query((rs, n) -> new AuditEntry(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
                    rs.getString(4), rs.getString(5), rs.getString(6), json.readTree(rs.getString(7)),
                    rs.getString(8), rs.getTimestamp(9).toInstant()))
            .list();
        return new AuditPage(items, page, size, total);
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Filter filter) {
        return statement.param("type", filter.targetType())
            .param("target", filter.targetId())
            .param("action", filter.action())
            .param("actor", filter.actor(), Types.BIGINT)
            .param("from", timestamp(filter.from()), Types.TIMESTAMP_WITH_TIMEZONE)
            .param("to", timestamp(filter.to()), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * The peer address as the servlet container reports it; behind the gateway that is the gateway unless
     * the container is told to trust forwarded headers ({@code server.forward-headers-strategy}).
     */
    private static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
