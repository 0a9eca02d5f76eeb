package org.ssoplatform.auth.shared;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.ssoplatform.auth.support.AuthServerFlow;
import org.ssoplatform.auth.support.OAuthClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever goes wrong, API callers read an RFC 9457 body, never a stack trace or Boot's default page. */
class ErrorResponsesTests extends AuthServerFlow {

    final RestClient http = RestClient.builder()
        .baseUrl(BASE)
        .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
        })
        .build();

    @Test
    void anApiCallWithoutATokenIs401ProblemJsonWithABearerChallenge() {
        ResponseEntity<String> response = http.get().uri("/api/v1/signing-keys").retrieve().toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void anUnknownApiPathIs404ProblemJson() {
        String token = new OAuthClient(BASE).clientCredentialsToken();

        ResponseEntity<String> response = http.get().uri("/api/v1/no-such-thing")
            .headers(h -> h.setBearerAuth(token))
            .retrieve()
            .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(404);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).contains("\"status\":404").doesNotContain("Exception", "trace");
    }

    @Test
    void aGarbageTokenIs401InvalidTokenWithoutEchoingIt() {
        ResponseEntity<String> response = http.get().uri("/api/v1/signing-keys")
            .headers(h -> h.setBearerAuth("eyJhbGciOiJub25lIn0.eyJzdWIiOiJldmlsIn0.secret-looking-part"))
            .retrieve()
            .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(401);
        assertThat(response.getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
        assertThat(response.getBody()).doesNotContain("secret-looking-part", "evil");
    }
}
