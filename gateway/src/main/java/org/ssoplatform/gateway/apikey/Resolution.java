package org.ssoplatform.gateway.apikey;

import java.time.Duration;

/** The outcome of resolving an API key: a token to forward, or why the request is answered here. */
sealed interface Resolution {

    record Accepted(ExchangedToken token) implements Resolution {
    }

    /** Unknown, inactive, expired or revoked: 401. */
    record Rejected() implements Resolution {
    }

    /** Too many failed attempts from this address: 429. */
    record Blocked(Duration retryAfter) implements Resolution {
    }

    /** auth-server could not be asked: 503, never a pass. */
    record Unavailable() implements Resolution {
    }
}
