package org.ssoplatform.e2e;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignIn.Person;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's "Expected Test Results" for people: users signed in through the JSON login, calling
 * the example routes through the gateway with their JWT (or with nothing).
 */
@EndToEnd
class JwtSeedExpectationsIT {

    private final String gateway;

    private final Fixtures fixtures;

    JwtSeedExpectationsIT(Stack stack, Fixtures fixtures) {
        this.gateway = stack.gatewayA();
        this.fixtures = fixtures;
    }

    @Test
    void signInThroughTheGatewayReturnsATokenAndTheUserWithRoleUser() {
        SignedInUser member = fixtures.member();

        assertThat(member.accessToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(member.user()).containsEntry("email", "member@e2e.test").containsEntry("is_active", true);
        assertThat(member.user().get("roles").toString()).contains("name=user").doesNotContain("name=admin");
    }

    @Test
    void publicRouteAnswersWithoutCredentials() {
        Map<String, Object> body = Expect.ok(Http.get(gateway + "/examples/public").send());

        assertThat(body).containsEntry("status", "public")
            .containsEntry("message", "This is a public endpoint - no authentication required");
    }

    @Test
    void everyProtectedRouteRefusesARequestWithoutCredentialsWith401() {
        for (String route : new String[] { "jwt-only", "apikey-only", "either-auth", "admin-only",
                "read-users-permission", "write-users-permission" }) {
            Expect.unauthorized(Http.get(gateway + "/examples/" + route).send());
        }
    }

    @Test
    void jwtOnlyRouteAcceptsAUsersJwt() {
        SignedInUser member = fixtures.member();

        Map<String, Object> body = Expect.ok(Http.get(gateway + "/examples/jwt-only").bearer(member.accessToken()).send());

        Expect.caller(body, member.id(), member.email(), "JWT");
        assertThat(body).containsEntry("message", "Success! You accessed this endpoint with JWT token");
    }

    @Test
    void apiKeyOnlyRouteRefusesAJwtWith401() {
        Expect.unauthorized(Http.get(gateway + "/examples/apikey-only").bearer(fixtures.member().accessToken()).send());
    }

    @Test
    void eitherAuthRouteAcceptsAJwt() {
        SignedInUser member = fixtures.member();

        Map<String, Object> body = Expect.ok(Http.get(gateway + "/examples/either-auth").bearer(member.accessToken()).send());

        Expect.caller(body, member.id(), member.email(), "JWT");
    }

    @Test
    void adminOnlyRouteAcceptsTheBootstrapAdministrator() {
        SignedInUser admin = fixtures.admin();

        Map<String, Object> body = Expect.ok(Http.get(gateway + "/examples/admin-only").bearer(admin.accessToken()).send());

        Expect.caller(body, admin.id(), Stack.ADMIN_EMAIL, "JWT");
    }

    @Test
    void adminOnlyRouteRefusesAUserWithoutTheAdminRoleWith403() {
        Expect.forbidden(Http.get(gateway + "/examples/admin-only").bearer(fixtures.member().accessToken()).send());
    }

    @Test
    void readUsersRouteAcceptsAUserWhoseRoleGrantsUsersRead() {
        SignedInUser member = fixtures.member();

        Expect.caller(Expect.ok(Http.get(gateway + "/examples/read-users-permission").bearer(member.accessToken()).send()),
                member.id(), member.email(), "JWT");
    }

    @Test
    void writeUsersRouteRefusesAUserWithoutUsersWriteWith403() {
        Expect.forbidden(
                Http.get(gateway + "/examples/write-users-permission").bearer(fixtures.member().accessToken()).send());
    }

    @Test
    void writeUsersRouteAcceptsTheAdministrator() {
        SignedInUser admin = fixtures.admin();

        Expect.caller(Expect.ok(Http.get(gateway + "/examples/write-users-permission").bearer(admin.accessToken()).send()),
                admin.id(), Stack.ADMIN_EMAIL, "JWT");
    }

    @Test
    void aUserMadeAdministratorIsAdmittedToAdminOnlyOnceSignedInAgain() {
        Person person = fixtures.newPerson("promoted");
        SignedInUser before = fixtures.signIn(person);
        Expect.forbidden(Http.get(gateway + "/examples/admin-only").bearer(before.accessToken()).send());

        Reply granted = fixtures.api(fixtures.admin()).assignRole(before.id(), "admin");
        assertThat(granted.status()).as("%s", granted).isEqualTo(200);
        SignedInUser after = fixtures.signIn(person);

        assertThat(after.id()).isEqualTo(before.id());
        Expect.caller(Expect.ok(Http.get(gateway + "/examples/admin-only").bearer(after.accessToken()).send()),
                after.id(), after.email(), "JWT");
    }

    @Test
    void aTamperedJwtIsRefusedWith401InvalidToken() {
        String token = fixtures.member().accessToken();
        String tampered = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

        Reply reply = Http.get(gateway + "/examples/jwt-only").bearer(tampered).send();

        Expect.unauthorized(reply);
        assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
    }
}
