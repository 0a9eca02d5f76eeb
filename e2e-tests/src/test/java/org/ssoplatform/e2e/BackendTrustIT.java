package org.ssoplatform.e2e;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.client.Tokens;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.HeaderTap.BackendRequest;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a backend can rely on: it validates JWTs itself, so the same token works without the gateway
 * and no header can pose as a user; through the gateway it receives only a bearer JWT, never the
 * raw API key nor a caller's copy of the gateway's own headers. Gateway A's traffic to
 * resource-service passes a tap, which shows what the backend actually received.
 */
@EndToEnd
class BackendTrustIT {

    private static final Map<String, String> SPOOFED = Map.of("X-User-Id", "999999", "X-User-Email",
            "mallory@evil.test", "X-User-Roles", "admin", "X-User-Permissions", "users:write", "X-Auth-Type", "API_KEY",
            "X-Api-Key-Id", "1", "X-Internal-Auth", "true", "X-Gateway-Auth", "true");

    private final Stack stack;

    private final Fixtures fixtures;

    BackendTrustIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void resourceServiceAcceptsTheSameJwtWhenCalledDirectly() {
        SignedInUser member = fixtures.member();

        Map<String, Object> body = Expect.ok(
                Http.get(stack.resourceService() + "/examples/jwt-only").bearer(member.accessToken()).send());

        Expect.caller(body, member.id(), member.email(), "JWT");
    }

    @Test
    void resourceServiceIgnoresForgedIdentityHeaders() {
        SignedInUser member = fixtures.member();
        Http request = Http.get(stack.resourceService() + "/examples/either-auth").bearer(member.accessToken());
        SPOOFED.forEach(request::header);

        Expect.caller(Expect.ok(request.send()), member.id(), member.email(), "JWT");
        Expect.forbidden(withSpoofedHeaders(stack.resourceService() + "/examples/admin-only", member));
        Expect.unauthorized(withSpoofedHeaders(stack.resourceService() + "/examples/apikey-only", member));
    }

    @Test
    void theGatewayRemovesSpoofedOwnedHeadersAndRelaysTheJwtUnchanged() {
        SignedInUser member = fixtures.member();
        String correlationId = "e2e-" + UUID.randomUUID();
        Http request = Http.get(stack.gatewayA() + "/examples/either-auth")
            .bearer(member.accessToken())
            .header("X-Correlation-Id", correlationId);
        SPOOFED.forEach(request::header);

        Expect.caller(Expect.ok(request.send()), member.id(), member.email(), "JWT");

        BackendRequest received = stack.backendTap().requestWith("X-Correlation-Id", correlationId).orElseThrow();
        assertThat(SPOOFED.keySet()).allSatisfy(owned -> assertThat(received.has(owned)).as(owned + " reached the backend").isFalse());
        assertThat(received.header("Authorization")).hasValue("Bearer " + member.accessToken());
    }

    @Test
    void resourceServiceRefusesARawApiKeyThatTheGatewayAccepts() {
        CreatedKey key = fixtures.readOnlyKey();

        Expect.unauthorized(Http.get(stack.resourceService() + "/examples/apikey-only").apiKey(key.key()).send());
        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(key.key()).send());
    }

    @Test
    void theBackendReceivesAnExchangedJwtAndNeverTheApiKey() {
        CreatedKey key = fixtures.readOnlyKey();
        SignedInUser member = fixtures.member();
        String correlationId = "e2e-" + UUID.randomUUID();

        Expect.ok(Http.get(stack.gatewayA() + "/examples/apikey-only")
            .apiKey(key.key())
            .header("X-Correlation-Id", correlationId)
            .send());

        BackendRequest received = stack.backendTap().requestWith("X-Correlation-Id", correlationId).orElseThrow();
        assertThat(received.has("X-API-Key")).as("X-API-Key reached the backend").isFalse();
        assertThat(received.headers().toString()).doesNotContain(key.key());
        String token = received.header("Authorization").orElseThrow().replaceFirst("^Bearer ", "");
        assertThat(Tokens.claims(token)).containsEntry("auth_type", "API_KEY")
            .containsEntry("api_key_id", String.valueOf(key.id()))
            .containsEntry("sub", String.valueOf(member.id()))
            .containsEntry("email", member.email());
    }

    private Reply withSpoofedHeaders(String url, SignedInUser caller) {
        Http request = Http.get(url).bearer(caller.accessToken());
        SPOOFED.forEach(request::header);
        return request.send();
    }

}
