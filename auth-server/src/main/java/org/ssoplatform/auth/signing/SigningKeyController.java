package org.ssoplatform.auth.signing;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual key rotation for administrators; the schedule does the same on its own. */
@RestController
@RequestMapping("/api/v1/signing-keys")
@Tag(name = "Signing keys", description = "The keys that sign every token, published at `/oauth2/jwks`.")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/rotate")
    @PreAuthorize("hasRole('admin')")
    @Operation(summary = "Rotate the signing key now (needs the admin role)",
            description = "A new key signs from now on; the previous one stays published until tokens it signed have "
                    + "expired, so verifiers keep accepting them. Answers `result` and the `published_kids`.")
    Map<String, Object> rotate() {
        SigningKeys.RotationResult result = keys.rotate();
        return Map.of("result", result.name().toLowerCase(), "published_kids",
                keys.publishedSet().getKeys().stream().map(k -> k.getKeyID()).toList());
    }
}
