package org.ssoplatform.auth.signing;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Manual key rotation for administrators; the schedule does the same on its own. */
@RestController
@RequestMapping("/api/v1/signing-keys")
class SigningKeyController {

    private final SigningKeys keys;

    SigningKeyController(SigningKeys keys) {
        this.keys = keys;
    }

    @PostMapping("/rotate")
    @PreAuthorize("hasRole('admin')")
    Map<String, Object> rotate() {
        SigningKeys.RotationResult result = keys.rotate();
        return Map.of("result", result.name().toLowerCase(), "published_kids",
                keys.publishedSet().getKeys().stream().map(k -> k.getKeyID()).toList());
    }
}
