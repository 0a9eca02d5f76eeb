package org.ssoplatform.e2e;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ssoplatform.contract.ApiKeyFormat;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.ManagementApi.CreatedKey;
import org.ssoplatform.e2e.client.Poll;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.stack.AccessLog;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the gateways treat keys that cannot be good: a malformed key is refused at the edge with no
 * lookup at all; an unknown well-formed key costs auth-server one exchange, after which both
 * replicas remember it as unknown; a request with two credentials is ambiguous.
 */
@EndToEnd
class EdgeKeyHandlingIT {

    private final Stack stack;

    private final Fixtures fixtures;

    EdgeKeyHandlingIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void malformedKeysAreRefusedWith401WithoutReachingAuthServer() {
        String good = ApiKeyFormat.generate();
        List<String> malformed = List.of("not-a-key", "ssop_tooShort", good.substring(0, good.length() - 1) + flip(good),
                "sk_live_" + good.substring(5), "SSOP_" + good.substring(5), good + "x");
        AccessLog authServer = stack.authServerAccessLog();
        long exchangesBefore = authServer.tokenRequests();

        for (String key : malformed) {
            for (String gateway : List.of(stack.gatewayA(), stack.gatewayB())) {
                Reply reply = Http.get(gateway + "/examples/apikey-only").apiKey(key).send();
                Expect.unauthorized(reply);
                assertThat(reply.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            }
        }
        // A well-formed unknown key does reach auth-server: once its exchange shows in the log, every
        // earlier request would have too.
        Expect.unauthorized(Http.get(stack.gatewayA() + "/examples/apikey-only").apiKey(ApiKeyFormat.generate()).send());
        Poll.until("the marker's exchange in auth-server's access log", Duration.ofMillis(50), Duration.ofSeconds(5),
                () -> authServer.tokenRequests() > exchangesBefore);

        assertThat(authServer.tokenRequests()).as("token exchanges since the malformed keys")
            .isEqualTo(exchangesBefore + 1);
        assertThat(stack.authServerLog()).doesNotContain(malformed);
    }

    @Test
    void anUnknownKeyCostsOneExchangeThenBothGatewaysRememberIt() {
        String unknown = ApiKeyFormat.generate();
        CreatedKey marker = fixtures.api(fixtures.member()).createKey("edge-marker", null, List.of(), List.of("users:read"));
        AccessLog authServer = stack.authServerAccessLog();
        long exchangesBefore = authServer.tokenRequests();

        Expect.unauthorized(Http.get(stack.gatewayA() + "/examples/either-auth").apiKey(unknown).send());
        // The gateway notes the refusal in Redis just after answering; both gateways read it from there.
        Poll.until("the refusal noted in Redis", Duration.ofMillis(20), Duration.ofSeconds(2),
                () -> stack.redis().has(keys -> keys.apiKeyUnknown(ApiKeyFormat.hashHex(unknown))));
        Expect.unauthorized(Http.get(stack.gatewayA() + "/examples/either-auth").apiKey(unknown).send());
        Expect.unauthorized(Http.get(stack.gatewayB() + "/examples/either-auth").apiKey(unknown).send());
        // A new good key costs one exchange: once that shows in the log, any exchange before it would have too.
        Expect.ok(Http.get(stack.gatewayB() + "/examples/either-auth").apiKey(marker.key()).send());
        Poll.until("the marker key's exchange in auth-server's access log", Duration.ofMillis(50), Duration.ofSeconds(5),
                () -> authServer.tokenRequests() >= exchangesBefore + 2);

        assertThat(authServer.tokenRequests()).as("exchanges: the unknown key's one and the marker's")
            .isEqualTo(exchangesBefore + 2);
        assertThat(stack.authServerLog() + stack.gatewayLogs()).doesNotContain(unknown);
    }

    @Test
    void aJwtAndAKeyInOneRequestAreRefusedAsAmbiguousWith400() {
        Reply reply = Http.get(stack.gatewayA() + "/examples/either-auth")
            .bearer("eyJhbGciOiJSUzI1NiJ9.e30.c2ln")
            .apiKey(ApiKeyFormat.generate())
            .send();

        assertThat(reply.status()).as("%s", reply).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    /** The last character changed: the checksum no longer matches. */
    private static String flip(String key) {
        char last = key.charAt(key.length() - 1);
        return String.valueOf(last == 'A' ? 'B' : 'A');
    }
}
