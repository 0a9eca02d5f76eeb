package org.ssoplatform.e2e.client;

import java.util.Map;

/**
 * A user after the JSON login: our user id, e-mail, the access token (a JWT) and the user as the
 * login answered it.
 */
public record SignedInUser(long id, String email, String accessToken, Map<String, Object> user) {
}
