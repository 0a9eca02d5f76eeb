package org.ssoplatform.e2e;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.client.Tokens;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what in the management API, through a gateway, with credentials auth-server really
 * issued: tokens of people signed in with each seeded role (the bootstrap admin, a new user, a user an
 * admin made a viewer, signed in again), an API key granted role {@code user}, and nothing. The
 * flow tests of auth-server hold the full matrix with tokens signed in-process; these cells are one
 * per kind of rule, each met by every caller.
 */
@EndToEnd
class ManagementAuthorizationIT {

    private static final List<String> CALLERS = List.of("admin", "user", "viewer", "apikey", "anonymous");

    private static final String MATRIX = """
            GET    /api/v1/users/me                        -                        200 200 200 200 401
            GET    /api/v1/users/                          -                        200 403 403 403 401
            PATCH  /api/v1/users/{target}                  {"is_active":true}       200 403 403 403 401
            POST   /api/v1/users/{target}/roles/{viewer}   -                        200 403 403 403 401
            GET    /api/v1/roles/                          -                        200 200 200 200 401
            POST   /api/v1/roles/                          {"name":"{unique}"}      201 403 403 403 401
            POST   /api/v1/roles/permissions/              {"name":"{unique}:read"} 201 403 403 403 401
            GET    /api/v1/api-keys/                       -                        200 200 200 401 401
            GET    /api/v1/api-keys/?all=true              -                        200 403 403 401 401
            POST   /api/v1/api-keys/                       {"name":"matrix"}        201 201 201 401 401
            GET    /api/v1/api-keys/987654321              -                        404 404 404 401 401
            GET    /api/v1/audit                           -                        200 403 403 403 401
            """;

    private final Stack stack;

    private final Fixtures fixtures;

    ManagementAuthorizationIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void everyRoleGetsExactlyItsCellWithTokensAuthServerIssued() {
        SignedInUser admin = fixtures.admin();
        ManagementApi asAdmin = fixtures.api(admin);
        SignedInUser viewer = viewer(asAdmin);
        CreatedKey key = fixtures.api(fixtures.member()).createKey("matrix", null, List.of("user"), List.of());
        assertThat(Tokens.claims(admin.accessToken()).get("roles")).asList().contains("admin");
        assertThat(Tokens.claims(fixtures.member().accessToken()).get("roles")).isEqualTo(List.of("user"));
        assertThat(Tokens.claims(viewer.accessToken()).get("roles")).isEqualTo(List.of("viewer"));
        Map<String, String> ids = Map.of("{target}", String.valueOf(fixtures.newUser("target").id()), "{viewer}",
                String.valueOf(asAdmin.roleId("viewer")));
        Map<String, Credential> callers = new LinkedHashMap<>();
        callers.put("admin", request -> request.bearer(admin.accessToken()));
        callers.put("user", request -> request.bearer(fixtures.member().accessToken()));
        callers.put("viewer", request -> request.bearer(viewer.accessToken()));
        callers.put("apikey", request -> request.apiKey(key.key()));
        callers.put("anonymous", request -> request);

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (String line : MATRIX.strip().lines().toList()) {
            String[] columns = line.trim().split("\\s+");
            String path = columns[1];
            for (Map.Entry<String, String> id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            for (int i = 0; i < CALLERS.size(); i++) {
                String caller = CALLERS.get(i);
                int expected = Integer.parseInt(columns[3 + i]);
                Reply reply = call(columns[0], path, columns[2], callers.get(caller));
                cells++;
                if (reply.status() != expected || (expected >= 400 && !problem(reply, expected))) {
                    wrong.add(caller + ": " + columns[0] + " " + columns[1] + " expected " + expected + ", got " + reply);
                }
            }
        }

        assertThat(wrong).as("cells of %d that differ", cells).isEmpty();
    }

    /** A person the admin turned from user into viewer, signed in again to carry that in their token. */
    private SignedInUser viewer(ManagementApi asAdmin) {
        Person person = fixtures.newPerson("viewer");
        SignedInUser first = fixtures.signIn(person);
        assertThat(asAdmin.assignRole(first.id(), "viewer").status()).isEqualTo(200);
        assertThat(asAdmin.removeRole(first.id(), "user").status()).isEqualTo(200);
        return fixtures.signIn(person);
    }

    private Reply call(String method, String path, String body, Credential credential) {
        String url = stack.gatewayA() + path;
        Http request = switch (method) {
            case "GET" -> Http.get(url);
            case "POST" -> Http.post(url);
            case "PATCH" -> Http.patch(url);
            case "DELETE" -> Http.delete(url);
            default -> throw new IllegalArgumentException(method);
        };
        if (!body.equals("-")) {
            String unique = "m" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            request.jsonText(body.replace("{unique}", unique));
        }
        return credential.on(request).send();
    }

    /** RFC 9457 with the status, and for a 401 the RFC 6750 challenge. */
    private static boolean problem(Reply reply, int status) {
        if (!reply.contentType().startsWith("application/problem+json")) {
            return false;
        }
        boolean challenged = status != 401
                || reply.header("WWW-Authenticate").map(challenge -> challenge.startsWith("Bearer")).orElse(false);
        return challenged && reply.json().get("status") instanceof Number declared && declared.intValue() == status;
    }

    @FunctionalInterface
    private interface Credential {

        Http on(Http request);
    }
}
