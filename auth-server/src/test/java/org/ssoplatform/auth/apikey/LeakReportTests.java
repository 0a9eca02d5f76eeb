package org.ssoplatform.auth.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.InvalidationInbox;
import org.ssoplatform.auth.support.LeakReporter;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;
import org.ssoplatform.contract.ApiKeyFormat;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/v1/api-keys/leaks}: GitHub's secret-scanning reports, played by a local key pair. Only a
 * report signed with a configured key changes anything; a leaked key stops working at once, everywhere.
 */
class LeakReportTests extends ManagementApiFlow {

    private static final String FOUND_AT = "https://github.com/someone/public-repo/blob/main/.env";

    @Autowired
    ApiKeyRepository keys;

    private final LeakReporter github = new LeakReporter(BASE);

    @Test
    void aReportedKeyIsDeactivatedAtOnceAndLabelledATruePositive() {
        User owner = newUser("user");
        JsonNode key = createKey(tokenFor(owner), Map.of("name", "pushed by mistake"));
        String secret = key.path("key").asString();
        long id = key.path("id").asLong();
        apiKeyToken(secret);
        InvalidationInbox inbox = invalidations();

        Http.Response answer = github.postSigned(LeakReporter.report(secret));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        JsonNode verdict = answer.json().get(0);
        assertThat(answer.json().size()).isEqualTo(1);
        assertThat(verdict.path("token_hash").asString()).isEqualTo(sha256Hex(secret));
        assertThat(verdict.path("token_type").asString()).isEqualTo("ssop_api_key");
        assertThat(verdict.path("label").asString()).isEqualTo("true_positive");
        assertThat(answer.body()).doesNotContain(secret);
        assertThat(hashes(inbox.nextMessage())).containsExactly(ApiKeyFormat.hashHex(secret));
        assertThat(keys.findById(id).orElseThrow().active()).isFalse();
        assertThat(exchange(secret).status()).isEqualTo(400);
        assertProblem(http.patch("/api/v1/api-keys/" + id + "/activate", tokenFor(owner), null), 403, "key_locked");
    }

    @Test
    void theOwnersAuditTrailSaysWhereTheKeyWasFoundButNeverTheKey() {
        User owner = newUser("user");
        JsonNode key = createKey(tokenFor(owner), Map.of("name", "pushed by mistake"));
        String secret = key.path("key").asString();

        assertThat(github.postSigned(LeakReporter.report(secret)).status()).isEqualTo(200);

        Http.Response audit = http.get("/api/v1/audit?target_type=api_key&target_id=" + key.path("id").asLong()
                + "&action=api_key.leaked", tokenFor(newUser("admin")));
        assertThat(audit.status()).as(audit.body()).isEqualTo(200);
        JsonNode entry = audit.json().path("items").get(0);
        assertThat(entry).as(audit.body()).isNotNull();
        assertThat(entry.path("details").path("url").asString()).isEqualTo(FOUND_AT);
        assertThat(entry.path("details").path("source").asString()).isEqualTo("content");
        assertThat(entry.path("details").path("owner_id").asLong()).isEqualTo(owner.id());
        assertThat(audit.body()).doesNotContain(secret, ApiKeyFormat.hashHex(secret));
    }

    @Test
    void tokensThatAreNoKeyOfOursAreFalsePositivesAndChangeNothing() {
        String made = ApiKeyFormat.generate(); // well formed, but never issued
        String noise = "ssop_not-a-key";
        String owned = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("key").asString();
        InvalidationInbox inbox = invalidations();

        Http.Response answer = github.postSigned(LeakReporter.report(made, noise));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().size()).isEqualTo(2);
        assertThat(answer.json().get(0).path("token_hash").asString()).isEqualTo(sha256Hex(made));
        assertThat(answer.json().get(1).path("token_hash").asString()).isEqualTo(sha256Hex(noise));
        for (JsonNode verdict : answer.json()) {
            assertThat(verdict.path("label").asString()).isEqualTo("false_positive");
        }
        inbox.assertNothingPublished();
        assertThat(exchange(owned).status()).isEqualTo(200);
    }

    @Test
    void unsignedBadlySignedOrTamperedReportsAre401AndTheKeyStillWorks() {
        String secret = createKey(tokenFor(newUser("user")), Map.of("name", "k")).path("key").asString();
        byte[] report = LeakReporter.report(secret);
        byte[] tampered = LeakReporter.report(secret, ApiKeyFormat.generate());
        InvalidationInbox inbox = invalidations();

        assertProblem(github.post(report, null, null), 401, null);
        assertProblem(github.post(report, LeakReporter.KEY_ID, null), 401, null);
        assertProblem(github.post(report, null, LeakReporter.sign(report)), 401, null);
        assertProblem(github.post(report, "some-other-key", LeakReporter.sign(report)), 401, null);
        assertProblem(github.post(report, LeakReporter.KEY_ID, LeakReporter.signWithAnotherKey(report)), 401, null);
        assertProblem(github.post(tampered, LeakReporter.KEY_ID, LeakReporter.sign(report)), 401, null);
        assertProblem(github.post(report, LeakReporter.KEY_ID, "not base64 at all!"), 401, null);
        assertProblem(github.post(report, LeakReporter.KEY_ID, "AAAA"), 401, null);

        inbox.assertNothingPublished();
        assertThat(exchange(secret).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'api_key.leaked' AND details->>'key_prefix' = :p")
            .param("p", ApiKeyFormat.displayPrefix(secret))
            .query(Long.class)
            .single()).isZero();
    }

    /** A user's token is no signature: the endpoint trusts nothing but GitHub's. */
    @Test
    void aUsersTokenDoesNotReplaceTheSignature() {
        String token = tokenFor(newUser("admin"));
        String secret = createKey(token, Map.of("name", "k")).path("key").asString();

        assertProblem(http.post(LeakReporter.PATH, token, List.of(Map.of("token", secret, "type", "t", "url", "u",
                "source", "content"))), 401, null);

        assertThat(exchange(secret).status()).isEqualTo(200);
    }

    @Test
    void aSignedButMalformedReportIsABadRequest() {
        for (String body : List.of("", "{}", "not json", "[{\"type\":\"t\"}]", "[null]", "[{\"token\":42}]",
                "[{\"token\":\"\"}]")) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertProblem(github.post(bytes, LeakReporter.KEY_ID, LeakReporter.sign(bytes)), 400, null);
        }
    }

    @Test
    void anOversizedReportIsRefusedUnread() {
        byte[] huge = ("[" + "{\"token\":\"x\"},".repeat(10_000) + "{\"token\":\"x\"}]").getBytes(StandardCharsets.UTF_8);

        assertProblem(github.post(huge, LeakReporter.KEY_ID, LeakReporter.sign(huge)), 413, null);
    }

    @Test
    void theApiDocumentDescribesTheReportAsGitHubSendsItAndNeedsNoToken() {
        JsonNode doc = http.get("/v3/api-docs", null).json();
        JsonNode operation = doc.path("paths").path(LeakReporter.PATH).path("post");

        assertThat(operation.path("security").isArray()).as(operation.toString()).isTrue();
        assertThat(operation.path("security").size()).as("no bearer token: GitHub's signature").isZero();
        assertThat(operation.toString()).contains("GITHUB-PUBLIC-KEY-IDENTIFIER", "GITHUB-PUBLIC-KEY-SIGNATURE");
        JsonNode schemas = doc.path("components").path("schemas");
        assertThat(schemas.path("LeakReport").path("properties").propertyNames())
            .containsExactlyInAnyOrder("token", "type", "url", "source");
        assertThat(schemas.path("LeakVerdict").path("properties").propertyNames())
            .containsExactlyInAnyOrder("token_hash", "token_type", "label");
    }

    private static String sha256Hex(String token) {
        try {
            return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (java.security.NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> hashes(JsonNode message) {
        return StreamSupport.stream(message.path("hashes").spliterator(), false).map(JsonNode::asString).toList();
    }
}
