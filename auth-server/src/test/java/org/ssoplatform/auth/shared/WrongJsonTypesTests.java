package org.ssoplatform.auth.shared;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JSON value of the wrong type is refused, never converted: a number, boolean, object or array where a string
 * belongs, a string where a number or boolean belongs. The answer is a 400 problem naming the field, and nothing
 * is stored (today {@code {"name": 12}} would make a key named "12").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrongJsonTypesTests extends ManagementApiFlow {

    Stream<Arguments> bodies() {
        Object[] notStrings = { 12, 1.5, true, false, Map.of("a", "b"), List.of("x") };
        Stream<Arguments> keyName = Stream.of(notStrings)
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/", Map.of("name", v), "name"));
        Stream<Arguments> keyDescription = Stream.of(notStrings)
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/", Map.of("name", "k", "description", v), "description"));
        Stream<Arguments> keyExpiry = Stream.of(12, true, Map.of("a", "b"))
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/", Map.of("name", "k", "expires_at", v), "expires_at"));
        Stream<Arguments> ids = Stream.of("7", true, 1.5, Map.of("a", 1))
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/", Map.of("name", "k", "role_ids", List.of(v)),
                    "role_ids[0]"));
        Stream<Arguments> idList = Stream.of("7", 7, true)
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/", Map.of("name", "k", "permission_ids", v),
                    "permission_ids"));
        Stream<Arguments> rename = Stream.of(notStrings)
            .map(v -> Arguments.of("PATCH", "/api/v1/api-keys/{key}", Map.of("name", v), "name"));
        Stream<Arguments> roleName = Stream.of(notStrings)
            .map(v -> Arguments.of("POST", "/api/v1/roles/", Map.of("name", v), "name"));
        Stream<Arguments> permissionName = Stream.of(notStrings)
            .map(v -> Arguments.of("POST", "/api/v1/roles/permissions/", Map.of("name", v), "name"));
        Stream<Arguments> active = Stream.of("true", "false", 1, 0, "yes", Map.of("a", true))
            .map(v -> Arguments.of("PATCH", "/api/v1/users/{user}", Map.of("is_active", v), "is_active"));
        Stream<Arguments> grace = Stream.of("60", true, 1.5, Map.of("a", 1))
            .map(v -> Arguments.of("POST", "/api/v1/api-keys/{key}/rotate", Map.of("grace_seconds", v),
                    "grace_seconds"));
        return Stream.of(keyName, keyDescription, keyExpiry, ids, idList, rename, roleName, permissionName, active,
                grace).flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 400 naming {3}")
    @MethodSource("bodies")
    void aValueOfTheWrongTypeIsABadRequestNamingTheField(String method, String path, Map<String, ?> body,
            String field) {
        String admin = tokenFor(newUser("admin"));
        long key = createKey(admin, Map.of("name", "before")).path("id").asLong();
        String url = path.replace("{key}", Long.toString(key)).replace("{user}", newUser().id().toString());
        long keysBefore = keyCount();

        Http.Response response = http.send(method, url, admin, "application/json", Http.JSON.writeValueAsBytes(body));

        assertProblem(response, 400, "validation_failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly(field);
        assertThat(keyCount()).isEqualTo(keysBefore);
        assertThat(http.get("/api/v1/api-keys/" + key, admin).json().path("name").asString()).isEqualTo("before");
    }

    private long keyCount() {
        return jdbc.sql("SELECT count(*) FROM api_keys").query(Long.class).single();
    }
}
