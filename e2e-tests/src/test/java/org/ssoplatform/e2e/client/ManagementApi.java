package org.ssoplatform.e2e.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * auth-server's management API ({@code /api/v1}, the seed's paths and snake_case JSON), called
 * through a gateway with a signed-in user's token, as the portal or a script would.
 */
public final class ManagementApi {

    /** A key as created: its id and the full secret, shown this once. */
    public record CreatedKey(long id, String key, Map<String, Object> body) {
    }

    private final String base;

    private final String token;

    public ManagementApi(String gateway, SignedInUser caller) {
        this.base = gateway + "/api/v1";
        this.token = caller.accessToken();
    }

    /**
     * Creates a key of the caller's with these role and permission names.
     * @param expiresAt {@code null} for a key that does not expire
     */
    public CreatedKey createKey(String name, Instant expiresAt, List<String> roles, List<String> permissions) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", name);
        request.put("description", "e2e: " + name);
        request.put("expires_at", expiresAt == null ? null : expiresAt.toString());
        request.put("role_ids", roles.stream().map(this::roleId).toList());
        request.put("permission_ids", permissions.stream().map(this::permissionId).toList());
        Reply created = Http.post(base + "/api-keys/").bearer(token).json(request).send();
        if (created.status() != 201) {
            throw new AssertionError("Creating an API key failed: " + created);
        }
        Map<String, Object> body = created.json();
        return new CreatedKey(((Number) body.get("id")).longValue(), (String) body.get("key"), body);
    }

    public Reply getKey(long id) {
        return Http.get(base + "/api-keys/" + id).bearer(token).send();
    }

    /** The key's requests per UTC day, oldest first ({@code GET /api-keys/{id}/usage?days=}). */
    public Reply keyUsage(long id, int days) {
        return Http.get(base + "/api-keys/" + id + "/usage?days=" + days).bearer(token).send();
    }

    /** Sets the key's own rate limit ({@code PATCH /api-keys/{id}} with {@code rate_limit}). */
    public Reply setRateLimit(long id, int capacity, double replenishPerSecond) {
        return Http.patch(base + "/api-keys/" + id).bearer(token)
            .json(Map.of("rate_limit", Map.of("capacity", capacity, "replenish_per_second", replenishPerSecond)))
            .send();
    }

    public Reply deleteKey(long id) {
        return Http.delete(base + "/api-keys/" + id).bearer(token).send();
    }

    public Reply deactivateKey(long id) {
        return Http.patch(base + "/api-keys/" + id + "/deactivate").bearer(token).send();
    }

    public Reply activateKey(long id) {
        return Http.patch(base + "/api-keys/" + id + "/activate").bearer(token).send();
    }

    public Reply rotateKey(long id) {
        return Http.post(base + "/api-keys/" + id + "/rotate").bearer(token).send();
    }

    /** A rotation whose rotated-out secret works {@code graceSeconds} more (0: stops at once). */
    public Reply rotateKey(long id, long graceSeconds) {
        return Http.post(base + "/api-keys/" + id + "/rotate").bearer(token).json(Map.of("grace_seconds", graceSeconds))
            .send();
    }

    /** Admin only. */
    public Reply deactivateUser(long userId) {
        return Http.patch(base + "/users/" + userId).bearer(token).json(Map.of("is_active", false)).send();
    }

    /** Admin only. */
    public Reply assignRole(long userId, String role) {
        return Http.post(base + "/users/" + userId + "/roles/" + roleId(role)).bearer(token).send();
    }

    /** Admin only. */
    public Reply removeRole(long userId, String role) {
        return Http.delete(base + "/users/" + userId + "/roles/" + roleId(role)).bearer(token).send();
    }

    public long roleId(String name) {
        return idOf(base + "/roles/", name);
    }

    public long permissionId(String name) {
        return idOf(base + "/roles/permissions/", name);
    }

    private long idOf(String listUrl, String name) {
        Reply list = Http.get(listUrl).bearer(token).send();
        if (list.status() != 200) {
            throw new AssertionError("Listing failed: " + list);
        }
        for (Object item : items(list)) {
            if (item instanceof Map<?, ?> entry && name.equals(entry.get("name"))) {
                return ((Number) entry.get("id")).longValue();
            }
        }
        throw new AssertionError("No '" + name + "' in " + list);
    }

    /** The seed answers lists as JSON arrays; a paged object's items are accepted too. */
    private static List<Object> items(Reply list) {
        if (list.body().trim().startsWith("[")) {
            return list.jsonList();
        }
        Map<String, Object> page = list.json();
        for (String key : List.of("items", "content", "data", "results")) {
            if (page.get(key) instanceof List<?> values) {
                @SuppressWarnings("unchecked")
                List<Object> items = (List<Object>) values;
                return items;
            }
        }
        throw new AssertionError("Not a list: " + list);
    }
}
