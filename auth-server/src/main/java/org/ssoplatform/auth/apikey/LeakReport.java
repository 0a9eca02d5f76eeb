package org.ssoplatform.auth.apikey;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One secret GitHub found, as its secret-scanning partner program reports it.
 *
 * @param token the secret as found
 * @param type the token type this platform registered with GitHub
 * @param url where it was found
 * @param source what kind of place that is ({@code content}, {@code commit}, {@code pull_request_description}...)
 */
record LeakReport(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String token, String type, String url,
        String source) {
}
