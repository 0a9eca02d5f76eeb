package org.ssoplatform.auth.shared;

import java.util.Map;

/**
 * A message for a Redis channel of the platform, raised inside the transaction of the change it announces: the
 * invalidation outbox keeps it with the change and publishes it once the change commits, even if Redis is away
 * at that moment.
 *
 * @param channel the full channel name, in this instance's namespace
 * @param message the JSON body, snake_case keys
 */
public record ChannelMessage(String channel, Map<String, Object> message) {
}
