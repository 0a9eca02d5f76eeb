package org.ssoplatform.auth.user;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.support.OAuthClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, cell by cell. Callers: users holding the seeded roles (user JWTs), a token exchanged for
 * an API key (granted role {@code user}), a client-credentials token, and no token. A denied cell is 401
 * (no token, or the wrong kind) or 403 (missing role or permission); an allowed one reaches the handler, so
 * writes use harmless bodies and unknown ids answer 404.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests extends ManagementApiFlow {

    private static final List<String> CALLERS = List.of("admin", "user", "viewer", "apikey", "client", "anonymous");

    private static final String MATRIX = """
            GET    /api/v1/users/me                             -                       200 200 200 200 401 401
            GET    /api/v1/users/                               -                       200 403 403 403 401 401
            GET    /api/v1/users                                -                       200 403 403 403 401 401
            POST   /api/v1/users/{target}/roles/{viewer}        -                       200 403 403 403 401 401
            DELETE /api/v1/users/{target}/roles/{viewer}        -                       200 403 403 403 401 401
            PATCH  /api/v1/users/{target}                       {"is_active":true}      200 403 403 403 401 401
            GET    /api/v1/roles/                               -                       200 200 200 200 401 401
            GET    /api/v1/roles                                -                       200 200 200 200 401 401
            GET    /api/v1/roles/{viewer}                       -                       200 200 200 200 401 401
            POST   /api/v1/roles/                               {"name":"{unique}"}     201 403 403 403 401 401
            DELETE /api/v1/roles/{unknown}                      -                       404 403 403 403 401 401
            POST   /api/v1/roles/{viewer}/permissions/{unknown} -                       404 403 403 403 401 401
            DELETE /api/v1/roles/{viewer}/permissions/{unknown} -                       404 403 403 403 401 401
            GET    /api/v1/roles/permissions/                   -                       200 200 200 200 401 401
            POST   /api/v1/roles/permissions/                   {"name":"{unique}:read"} 201 403 403 403 401 401
            DELETE /api/v1/roles/permissions/{unknown}          -                       404 403 403 403 401 401
            GET    /api/v1/api-keys/                            -                       200 200 200 401 401 401
            GET    /api/v1/api-keys                             -                       200 200 200 401 401 401
            GET    /api/v1/api-keys/?all=true                   -                       200 403 403 401 401 401
            POST   /api/v1/api-keys/                            {"name":"matrix"}       201 201 201 401 401 401
            GET    /api/v1/api-keys/{unknown}                   -                       404 404 404 401 401 401
            PATCH  /api/v1/api-keys/{unknown}                   {"name":"x"}            404 404 404 401 401 401
            DELETE /api/v1/api-keys/{unknown}                   -                       404 404 404 401 401 401
            PATCH  /api/v1/api-keys/{unknown}/deactivate        -                       404 404 404 401 401 401
            PATCH  /api/v1/api-keys/{unknown}/activate          -                       404 404 404 401 401 401
            POST   /api/v1/api-keys/{unknown}/rotate            -                       404 404 404 401 401 401
            GET    /api/v1/audit                                -                       200 403 403 403 401 401
            GET    /v3/api-docs                                 -                       200 200 200 200 200 200
            """;

    private Map<String, String> tokens;

    private Map<String, String> ids;

    @BeforeAll
    void callers() {
        User keyOwner = newUser("user");
        String key = createKey(tokenFor(keyOwner), Map.of("name", "matrix", "role_ids", List.of(roleId("user"))))
            .path("key").asString();
        tokens = Map.of("admin", tokenFor(newUser("admin")), "user", tokenFor(newUser("user")), "viewer",
                tokenFor(newUser("viewer")), "apikey", apiKeyToken(key), "client",
                new OAuthClient(BASE).clientCredentialsToken());
        ids = Map.of("{target}", newUser().id().toString(), "{viewer}", Long.toString(roleId("viewer")), "{unknown}",
                Long.toString(UNKNOWN_ID));
    }

    Stream<Arguments> cells() {
        return MATRIX.lines().flatMap(line -> {
            String[] columns = line.trim().split("\\s+");
            String[] expected = Arrays.copyOfRange(columns, 3, columns.length);
            return IntStream.range(0, CALLERS.size())
                .mapToObj(i -> Arguments.of(CALLERS.get(i), columns[0], columns[1], columns[2],
                        Integer.parseInt(expected[i])));
        });
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> {4}")
    @MethodSource("cells")
    void eachCallerGetsExactlyItsCell(String caller, String method, String path, String body, int expected) {
        String url = path;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            url = url.replace(id.getKey(), id.getValue());
        }
        byte[] json = body.equals("-") ? null : body.replace("{unique}", unique("m")).getBytes();

        Http.Response response = http.send(method, url, tokens.get(caller), json == null ? null : "application/json",
                json);

        assertThat(response.status()).as(response.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        if (expected == 401) {
            assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Bearer"));
        }
    }
}
