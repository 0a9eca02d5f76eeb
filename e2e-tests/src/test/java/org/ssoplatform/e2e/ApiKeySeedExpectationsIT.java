package org.ssoplatform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's "Expected Test Results" for machines: API keys created through the management API,
 * sent as {@code X-API-Key} to the gateway, which exchanges them for JWTs.
 */
@EndToEnd
class ApiKeySeedExpectationsIT {

    private final String gateway;

    private final Fixtures fixtures;

    ApiKeySeedExpectationsIT(Stack stack, Fixtures fixtures) {
        this.gateway = stack.gatewayA();
        this.fixtures = fixtures;
    }

    @Test
    void aCreatedKeyIsShownOnceInTheRecognisableFormat() {
        CreatedKey key = fixtures.readOnlyKey();

        assertThat(key.key()).matches("ssop_[0-9A-Za-z]{46}");
        assertThat(key.body()).containsEntry("is_active", true).containsEntry("name", "read-only");
    }

    @Test
    void apiKeyOnlyRouteAcceptsAnApiKeyAsItsOwner() {
        SignedInUser member = fixtures.member();

        Map<String, Object> body = Expect.ok(call("/examples/apikey-only", fixtures.readOnlyKey()));

        Expect.caller(body, member.id(), member.email(), "API_KEY");
        assertThat(body).containsEntry("message", "Success! You accessed this endpoint with API Key");
    }

    @Test
    void jwtOnlyRouteRefusesAnApiKeyWith401() {
        Expect.unauthorized(call("/examples/jwt-only", fixtures.readOnlyKey()));
    }

    @Test
    void eitherAuthRouteAcceptsAnApiKey() {
        SignedInUser member = fixtures.member();

        Map<String, Object> body = Expect.ok(call("/examples/either-auth", fixtures.readOnlyKey()));

        Expect.caller(body, member.id(), member.email(), "API_KEY");
        assertThat(body).containsEntry("message", "Success! You accessed this endpoint with API Key");
    }

    @Test
    void aKeyGrantedOnlyUsersReadMayReadButNotWriteUsers() {
        CreatedKey key = fixtures.readOnlyKey();

        Expect.ok(call("/examples/read-users-permission", key));
        Expect.forbidden(call("/examples/write-users-permission", key));
    }

    @Test
    void adminOnlyRouteRefusesAKeyWithoutTheAdminRoleWith403() {
        Expect.forbidden(call("/examples/admin-only", fixtures.readOnlyKey()));
    }

    @Test
    void adminOnlyRouteAcceptsAKeyWithTheAdminRole() {
        SignedInUser admin = fixtures.admin();

        Map<String, Object> body = Expect.ok(call("/examples/admin-only", fixtures.adminKey()));

        Expect.caller(body, admin.id(), Stack.ADMIN_EMAIL, "API_KEY");
    }

    @Test
    void aKeyWithTheAdminRoleHasItsPermissionsToo() {
        Expect.ok(call("/examples/write-users-permission", fixtures.adminKey()));
    }

    private Reply call(String path, CreatedKey key) {
        return Http.get(gateway + path).apiKey(key.key()).send();
    }
}
