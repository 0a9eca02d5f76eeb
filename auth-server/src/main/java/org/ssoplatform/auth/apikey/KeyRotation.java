package org.ssoplatform.auth.apikey;

import jakarta.validation.constraints.Min;

/**
 * {@code POST /api-keys/{id}/rotate}, optional body.
 *
 * @param graceSeconds how long the rotated-out secret keeps working: 0 stops it at once, at most
 * {@code platform.api-keys.rotation-grace} (also the default)
 */
record KeyRotation(@Min(0) Long graceSeconds) {
}
