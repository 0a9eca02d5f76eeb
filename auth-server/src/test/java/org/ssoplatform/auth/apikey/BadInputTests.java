package org.ssoplatform.auth.apikey;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.ssoplatform.auth.support.Http;
import org.ssoplatform.auth.support.ManagementApiFlow;
import org.ssoplatform.auth.user.User;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad requests to {@code POST /api/v1/api-keys/} get a problem with the right status, say what is wrong, leak
 * nothing of the server's insides, and store nothing.
 */
class BadInputTests extends ManagementApiFlow {

    private static final String PATH = "/api/v1/api-keys/";

    @Autowired
    ApiKeyRepository keys;

    private User owner;

    private String token;

    @BeforeEach
    void owner() {
        owner = newUser("user");
        token = tokenFor(owner);
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertRefused(send("application/json", "{\"name\": \"k\",".getBytes(StandardCharsets.UTF_8)), 400,
                "unreadable_body");
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        assertRefused(send("application/json", new byte[0]), 400, "unreadable_body");
    }

    @Test
    void aBodyThatIsNotUtf8IsABadRequest() {
        byte[] latin1 = "{\"name\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);

        assertRefused(send("application/json", latin1), 400, "unreadable_body");
    }

    @Test
    void aBodyThatIsNotJsonIsAnUnsupportedMediaType() {
        assertRefused(send("text/plain", "name=k".getBytes(StandardCharsets.UTF_8)), 415, null);
        assertRefused(send("application/x-www-form-urlencoded", "name=k".getBytes(StandardCharsets.UTF_8)), 415, null);
    }

    @Test
    void aBodyOver64KbIsTooLargeWhetherItsLengthIsDeclaredOrNot() {
        byte[] huge = ("{\"name\":\"k\",\"description\":\"" + "x".repeat(70_000) + "\"}")
            .getBytes(StandardCharsets.UTF_8);

        assertRefused(send("application/json", huge), 413, "body_too_large");
        Http.Response chunked = http.sendAsync(http.request("POST", PATH, token, "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(huge)))).join();
        assertRefused(chunked, 413, "body_too_large");
    }

    @Test
    void aMistypedListElementIsABadRequestNamingIt() {
        Http.Response response = http.post(PATH, token, Map.of("name", "k", "role_ids", List.of("one")));

        assertRefused(response, 400, "validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("role_ids[0]");
    }

    @Test
    void aMissingRequiredFieldIsABadRequestNamingIt() {
        Http.Response response = http.post(PATH, token, Map.of("description", "no name"));

        assertRefused(response, 400, "validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("name");
    }

    @Test
    void anExpiryInThePastIsABadRequestNamingIt() {
        Http.Response response = http.post(PATH, token, Map.of("name", "k", "expires_at",
                Instant.now().minusSeconds(60).toString()));

        assertRefused(response, 400, "validation_failed");
        assertThat(response.json().path("errors").get(0).path("field").asString()).isEqualTo("expires_at");
        Http.Response unparsable = http.post(PATH, token, Map.of("name", "k", "expires_at", "next tuesday"));
        assertRefused(unparsable, 400, "validation_failed");
        assertThat(unparsable.json().path("errors").get(0).path("field").asString()).isEqualTo("expires_at");
    }

    @Test
    void oversizedFieldsAreBadRequestsNamingThem() {
        Http.Response response = http.post(PATH, token,
                Map.of("name", "n".repeat(101), "description", "d".repeat(501)));

        assertRefused(response, 400, "validation_failed");
        assertThat(response.json().path("errors").findValuesAsString("field")).containsExactly("description", "name");
    }

    private Http.Response send(String contentType, byte[] body) {
        return http.send("POST", PATH, token, contentType, body);
    }

    private void assertRefused(Http.Response response, int status, String code) {
        assertProblem(response, status, code);
        assertThat(keys.findByUserIdOrderById(owner.id())).isEmpty();
    }
}
