package org.ssoplatform.auth.user;

import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.ManagementApiFlow;
import tools.jackson.databind.JsonNode;

import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.auth.support.PortalSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code DELETE /users/me} and, for admins, {@code DELETE /users/{id}}: identities, keys (and the gateways'
 * cached tokens for them), refresh tokens, consents and sessions go; the audit trail keeps the event.
 */
class AccountDeletionTests extends ManagementApiFlow {

    @Test
    void deletingOnesAccountTakesEverythingOfItButTheAuditTrail() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-leaver", "leaver@delete.test", "Leaver", "openid profile email");
        long userId = users.findByEmailIgnoreCase("leaver@delete.test").orElseThrow().id();
        String key = createKey(signIn.accessToken(), Map.of("name", "leavers-key")).path("key").asString();
        apiKeyToken(key);
        jdbc.sql("INSERT INTO oauth2_authorization_consent (registered_client_id, principal_name, authorities) "
                + "SELECT id, :user, 'SCOPE_profile' FROM oauth2_registered_client WHERE client_id = 'portal'")
            .param("user", Long.toString(userId))
            .update();
        InvalidationInbox gateways = invalidations();

        Http.Response deleted = http.delete("/api/v1/users/me", signIn.accessToken());

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(names(gateways.nextMessage().path("hashes"))).containsExactly(ApiKeyFormat.hashHex(key));
        assertThat(exchange(key).json().path("error").asString()).isEqualTo("invalid_grant");
        assertThat(users.findById(userId)).isEmpty();
        assertThat(count("SELECT count(*) FROM oauth_accounts WHERE user_id = :id", userId)).isZero();
        assertThat(count("SELECT count(*) FROM api_keys WHERE user_id = :id", userId)).isZero();
        assertThat(count("SELECT count(*) FROM oauth2_authorization WHERE principal_name = CAST(:id AS varchar)", userId))
            .isZero();
        assertThat(count("SELECT count(*) FROM oauth2_authorization_consent WHERE principal_name = CAST(:id AS varchar)",
                userId)).isZero();
        assertThat(http.form("/oauth2/token", "portal", PortalSignIn.SECRET,
                "grant_type=refresh_token&refresh_token=" + signIn.refreshToken()).status()).isEqualTo(400);
        assertThat(SignOutEverywhereTests.signedIn(signIn.browser())).isFalse();
        assertProblem(http.get("/api/v1/users/me", signIn.accessToken()), 404, "not_found");
        JsonNode audit = http.get("/api/v1/audit?action=user.deleted&target_id=" + userId, tokenFor(newUser("admin")))
            .json();
        assertThat(audit.path("total").asLong()).isEqualTo(1);
        assertThat(audit.path("items").get(0).path("details").path("by_self").asBoolean()).isTrue();
        assertThat(audit.path("items").get(0).path("details").path("api_keys").asInt()).isEqualTo(1);
    }

    @Test
    void theSameGoogleAccountSignsUpAfreshAfterItsUserWasDeleted() {
        PortalSignIn signIn = PortalSignIn.as(BASE, "g-comeback", "comeback@delete.test", "Comeback", "openid");
        long before = users.findByEmailIgnoreCase("comeback@delete.test").orElseThrow().id();
        http.delete("/api/v1/users/me", signIn.accessToken());

        PortalSignIn.as(BASE, "g-comeback", "comeback@delete.test", "Comeback", "openid");

        assertThat(users.findByEmailIgnoreCase("comeback@delete.test").orElseThrow().id()).isNotEqualTo(before);
    }

    @Test
    void anAdminDeletesAUserAndNobodyElseCan() {
        User target = newUser("user");
        User admin = newUser("admin");
        String adminKeyToken = apiKeyToken(createKey(tokenFor(admin), Map.of("name", "ops")).path("key").asString());
        String path = "/api/v1/users/" + target.id();

        assertProblem(http.delete(path, tokenFor(newUser("user"))), 403, null);
        assertProblem(http.delete(path, adminKeyToken), 403, "user_token_required");
        assertProblem(http.delete("/api/v1/users/me", adminKeyToken), 403, "user_token_required");
        assertThat(users.findById(target.id())).isPresent();
        assertThat(http.delete(path, tokenFor(admin)).status()).isEqualTo(204);
        assertThat(users.findById(target.id())).isEmpty();
        assertProblem(http.delete(path, tokenFor(admin)), 404, "not_found");
        JsonNode entry = http.get("/api/v1/audit?action=user.deleted&target_id=" + target.id(), tokenFor(admin)).json()
            .path("items").get(0);
        assertThat(entry.path("actor_user_id").asLong()).isEqualTo(admin.id());
        assertThat(entry.path("details").path("by_self").asBoolean()).isFalse();
    }

    @Test
    void theLastActiveAdminCanBeDeletedNeitherByThemselvesNorByAnother() {
        User last = newUser("admin");
        String other = tokenFor(newUser("admin"));
        OtherAdmins.inactiveDuring(jdbc, last, () -> {
            assertProblem(http.delete("/api/v1/users/me", tokenFor(last)), 409, "last_admin");
            assertProblem(http.delete("/api/v1/users/" + last.id(), other), 409, "last_admin");
            assertThat(users.findById(last.id())).isPresent();
        });
        assertThat(http.delete("/api/v1/users/me", tokenFor(last)).status()).as("with other admins active")
            .isEqualTo(204);
    }

    private long count(String sql, long userId) {
        return jdbc.sql(sql).param("id", userId).query(Long.class).single();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList();
    }
}
