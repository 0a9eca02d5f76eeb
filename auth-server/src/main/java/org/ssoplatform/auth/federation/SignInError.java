package org.ssoplatform.auth.federation;

import java.util.Map;

import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

/**
 * Why a browser sign-in failed, as the sign-in page tells it: a short title and what to do. Only these codes
 * travel in {@code /login?error=...}, so a crafted link can show one of these messages and nothing else.
 *
 * @param code the code in the URL and in the page's {@code data-error}
 * @param title what happened, in a few words
 * @param message what the person can do about it
 */
record SignInError(String code, String title, String message) {

    static final String FAILED = "failed";

    private static final Map<String, SignInError> KNOWN = Map.of(
            "account_disabled", new SignInError("account_disabled", "Account deactivated",
                    "This account is deactivated; ask an administrator to reactivate it."),
            "provider_unreachable", new SignInError("provider_unreachable", "Provider unreachable",
                    "We could not reach %s just now. Try again in a moment, or continue with another sign-in."),
            "email_not_verified", new SignInError("email_not_verified", "E-mail not verified",
                    "An account with this e-mail exists, but %s has not verified the address. Sign in with the "
                            + "provider you used first, then link this one."),
            "email_required", new SignInError("email_required", "No e-mail address",
                    "%s did not share an e-mail address. Allow access to your e-mail there and try again."),
            "link_refused", new SignInError("link_refused", "Link refused",
                    "This sign-in was not linked to your account."),
            "session_expired", new SignInError("session_expired", "Session expired",
                    "The sign-in took too long or your session ended. Please start again."),
            "cancelled", new SignInError("cancelled", "Sign-in cancelled",
                    "%s did not complete the sign-in. Choose a provider to try again."),
            FAILED, new SignInError(FAILED, "Sign-in failed", "The sign-in did not complete; please try again."));

    /** The public code for a failure of the provider callback. */
    static String codeOf(AuthenticationException failure) {
        String error = failure instanceof OAuth2AuthenticationException oauth2 && oauth2.getError() != null
                ? oauth2.getError().getErrorCode() : "";
        return switch (error) {
            case "account_disabled", "email_not_verified", "email_required" -> error;
            case "account_linked_elsewhere", "link_not_allowed", "link_session_changed", "link_expired" -> "link_refused";
            case "invalid_token_response", "invalid_user_info_response", "server_error", "temporarily_unavailable" ->
                "provider_unreachable";
            case "authorization_request_not_found", "invalid_state_parameter" -> "session_expired";
            case "access_denied" -> "cancelled";
            default -> FAILED;
        };
    }

    /**
     * The message for {@code code} (unknown codes: the generic one), naming {@code provider} where it helps;
     * {@code detail} (the refusal's own words, from this session only) replaces the message when given.
     */
    static SignInError describe(String code, String provider, String detail) {
        SignInError known = KNOWN.getOrDefault(code, KNOWN.get(FAILED));
        String message = detail != null ? detail : known.message().formatted(provider == null ? "the provider" : provider);
        if (message.startsWith("the provider")) {
            message = "T" + message.substring(1);
        }
        return new SignInError(known.code(), known.title(), message);
    }
}
