package org.ssoplatform.auth.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code platform.retention.*}: what the purge keeps.
 *
 * @param interval pause between two purges (each instance schedules them; one at a time runs)
 * @param batchSize rows deleted per statement, so no purge holds long locks or a long transaction
 * @param authorizationGrace how long an authorization is kept after its last token or code expired
 * @param loginRecords how long sign-in, failed sign-in and sign-out records stay in the audit log
 */
@ConfigurationProperties("platform.retention")
record RetentionProperties(@DefaultValue("1h") Duration interval, @DefaultValue("1000") int batchSize,
        @DefaultValue("1h") Duration authorizationGrace, @DefaultValue("90d") Duration loginRecords) {
}
