package org.ssoplatform.auth.client;

import jakarta.validation.constraints.Min;

/**
 * {@code POST /api/v1/clients/{client_id}/secret/rotate}, optional body.
 *
 * @param graceSeconds how long the rotated-out secret keeps working: 0 stops it at once, at most
 * {@code platform.client-registry.rotation-grace} (also the default)
 */
record SecretRotation(@Min(0) Long graceSeconds) {
}
