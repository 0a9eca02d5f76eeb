package org.ssoplatform.e2e;

import java.util.Map;

import org.ssoplatform.e2e.client.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/** What a caller sees for each outcome, per the platform's contracts (RFC 9457, RFC 6750). */
final class Expect {

    private Expect() {
    }

    /** 200 with a JSON body. */
    static Map<String, Object> ok(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(200);
        return reply.json();
    }

    /** 401 problem+json with a Bearer challenge. */
    static void unauthorized(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(401);
        assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
        assertThat(reply.header("WWW-Authenticate")).as("%s", reply).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    /** 403 problem+json. */
    static void forbidden(Reply reply) {
        assertThat(reply.status()).as("%s", reply).isEqualTo(403);
        assertThat(reply.contentType()).as("%s", reply).startsWith("application/problem+json");
    }

    /** The seed's example body for this caller. */
    static void caller(Map<String, Object> body, long userId, String email, String authType) {
        assertThat(body).as("%s", body)
            .containsEntry("email", email)
            .containsEntry("auth_type", authType)
            .containsKey("message");
        assertThat(((Number) body.get("user_id")).longValue()).as("%s", body).isEqualTo(userId);
    }
}
