package org.ssoplatform.resourcereactive;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.ssoplatform.contract.AuthType;
import org.ssoplatform.resourceserver.PlatformCaller;

/** The seed's example body: who called, and how. */
record ExampleResponse(String message, @JsonProperty("user_id") Object userId, String email,
        @JsonProperty("auth_type") AuthType authType) {

    static ExampleResponse of(String message, PlatformCaller caller) {
        return new ExampleResponse(message, numericIfPossible(caller.userId()), caller.email(), caller.authType());
    }

    /** The seed's user ids are numbers; {@code sub} carries them as strings (JWT requires a string). */
    private static Object numericIfPossible(String subject) {
        try {
            return Long.valueOf(subject);
        }
        catch (NumberFormatException ex) {
            return subject;
        }
    }
}
