package org.ssoplatform.auth.role;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.ssoplatform.auth.shared.ApiProblem;

/**
 * {@code POST /roles/permissions/}. Give {@code name} ({@code resource:action}), or {@code resource} and
 * {@code action}, or all three; what is missing is derived, and what is given must agree.
 */
@Schema(description = "Give `name` (resource:action), or `resource` and `action`, or all three (they must agree). "
        + "Each part is lowercase: a letter, then letters, digits, '_' or '-' (at most 50).")
record NewPermission(@Size(max = 101) String name, @Size(max = 500) String description, @Size(max = 50) String resource,
        @Size(max = 50) String action) {

    Permission toPermission() {
        String[] parts = name != null ? name.split(":", -1) : new String[] { resource, action };
        if (parts.length != 2 || parts[0] == null || parts[1] == null) {
            throw invalid("Give a name of the form resource:action, or both resource and action.");
        }
        if (resource != null && !resource.equals(parts[0]) || action != null && !action.equals(parts[1])) {
            throw invalid("The name must equal resource + ':' + action.");
        }
        if (!Permission.PART.matcher(parts[0]).matches() || !Permission.PART.matcher(parts[1]).matches()) {
            throw invalid("Resource and action must each be a lowercase letter followed by lowercase letters, digits, "
                    + "'_' or '-' (at most 50 characters).");
        }
        return Permission.newPermission(parts[0], parts[1], description);
    }

    private static RuntimeException invalid(String detail) {
        return ApiProblem.of(HttpStatus.BAD_REQUEST, "invalid_permission_name", detail);
    }
}
