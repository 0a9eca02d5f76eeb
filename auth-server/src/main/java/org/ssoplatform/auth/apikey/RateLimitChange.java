package org.ssoplatform.auth.apikey;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code rate_limit} of a {@code PATCH}, which tells three cases apart: left out (the Java {@code null}: the
 * key keeps its limit), {@code null} ({@link #TO_DEFAULT}: back to the gateways' configured limit) and a new limit.
 * Jackson's own {@code Optional} handling of a left-out field depends on a mapper feature, so it is spelled out here.
 *
 * @param limit the new limit, or {@code null} for the gateways' configured one
 */
@JsonDeserialize(using = RateLimitChange.Reader.class)
record RateLimitChange(KeyRateLimit limit) {

    static final RateLimitChange TO_DEFAULT = new RateLimitChange(null);

    static final class Reader extends ValueDeserializer<RateLimitChange> {

        @Override
        public RateLimitChange deserialize(JsonParser parser, DeserializationContext context) {
            return new RateLimitChange(context.readValue(parser, KeyRateLimit.class));
        }

        @Override
        public RateLimitChange getNullValue(DeserializationContext context) {
            return TO_DEFAULT;
        }

        @Override
        public Object getAbsentValue(DeserializationContext context) {
            return null;
        }
    }
}
