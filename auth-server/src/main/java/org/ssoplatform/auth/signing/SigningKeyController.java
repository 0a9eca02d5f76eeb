package org.ssoplatform.auth.signing;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.ssoplatform.auth.audit.Actor;
import org.ssoplatform.auth.shared.UserTokenRequired;
import org.ssoplatform.resourceserver.PlatformCaller;

/** Manual key rotation for administrators; the schedule does the same on its own. */
@RestController
@RequestMapping("/api/v1/signing-keys")
@Tag(name = "Signing keys", description = "The keys that sign every token, published at `/oauth2/jwks`.")
class SigningKeyController {

    private final SigningKeyAdministration administration;

    SigningKeyController(SigningKeyAdministration administration) {
        this.administration = administration;
    }

    @PostMapping("/rotate")
    @UserTokenRequired
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Rotate the signing key now (needs the admin role and a user JWT)",
            description = "A new key signs from now on; the previous one stays published until tokens it signed have "
                    + "expired, so verifiers keep accepting them. Answers `result` and the `published_kids`. "
                    + "Audited as signing_key.rotated; an API-key token gets 403 user_token_required.")
    Map<String, Object> rotate(PlatformCaller caller) {
        return administration.rotate(Actor.of(caller));
    }
}
