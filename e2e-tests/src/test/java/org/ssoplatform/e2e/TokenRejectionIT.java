package org.ssoplatform.e2e;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.ssoplatform.e2e.client.Http;
import org.ssoplatform.e2e.client.Reply;
import org.ssoplatform.e2e.client.SignedInUser;
import org.ssoplatform.e2e.stack.EndToEnd;
import org.ssoplatform.e2e.stack.Stack;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the platform's own verifiers refuse: the gateway at the edge and the resource-server library
 * (in resource-service, called directly). Every refused token is a token auth-server issued to a signed-in
 * user with one thing changed, signed with auth-server's own current key unless the change is the
 * signature; the unchanged copy, signed the same way, is accepted by both, so each refusal is for the
 * change alone.
 */
@EndToEnd
class TokenRejectionIT {

    private final Stack stack;

    private final Fixtures fixtures;

    TokenRejectionIT(Stack stack, Fixtures fixtures) {
        this.stack = stack;
        this.fixtures = fixtures;
    }

    @Test
    void aTokenAuthServerIssuedIsAcceptedByTheGatewayAndByTheLibrary() {
        SignedInUser member = fixtures.member();

        bothAccept(member.accessToken(), member);
    }

    @Test
    void aCopySignedWithThePlatformsKeyIsAcceptedByBoth() {
        SignedInUser member = fixtures.member();

        bothAccept(resign(member, claims -> claims), member);
    }

    @Test
    void aTamperedPayloadIsRefusedByBoth() {
        String[] parts = fixtures.member().accessToken().split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String elevated = payload.replace("\"roles\":[\"user\"]", "\"roles\":[\"admin\"]");
        assertThat(elevated).as("the payload names role user").isNotEqualTo(payload);

        bothRefuse(parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
            .encodeToString(elevated.getBytes(StandardCharsets.UTF_8)) + "." + parts[2]);
    }

    @Test
    void anExpiredTokenIsRefusedByBoth() {
        Instant hourAgo = Instant.now().minusSeconds(3600);

        bothRefuse(resign(fixtures.member(), claims -> claims.issueTime(Date.from(hourAgo.minusSeconds(900)))
            .notBeforeTime(Date.from(hourAgo.minusSeconds(900)))
            .expirationTime(Date.from(hourAgo))));
    }

    @Test
    void anUnsignedTokenIsRefusedByBoth() {
        String[] parts = fixtures.member().accessToken().split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
            .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

        bothRefuse(none + "." + parts[1] + ".");
    }

    @Test
    void aTokenSignedByAnotherKeyUnderTheCurrentKeysIdIsRefusedByBoth() throws JOSEException {
        RSAKey platform = stack.signingKey();
        RSAKey impostor = new RSAKeyGenerator(2048).keyID(platform.getKeyID()).generate();

        bothRefuse(sign(fixtures.member().accessToken(), claims -> claims, impostor));
    }

    @Test
    void aTokenFromAnotherIssuerIsRefusedByBoth() {
        bothRefuse(resign(fixtures.member(), claims -> claims.issuer("https://evil.example")));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedByBoth() {
        bothRefuse(resign(fixtures.member(), claims -> claims.audience(List.of("another-api"))));
    }

    private void bothAccept(String token, SignedInUser owner) {
        for (String verifier : List.of(stack.gatewayA(), stack.resourceService())) {
            Expect.caller(Expect.ok(Http.get(verifier + "/examples/jwt-only").bearer(token).send()), owner.id(),
                    owner.email(), "JWT");
        }
    }

    /** Refused by the gateway itself (the request never reaches resource-service), and by the library. */
    private void bothRefuse(String token) {
        String correlationId = "e2e-" + UUID.randomUUID();
        for (String verifier : List.of(stack.gatewayA(), stack.resourceService())) {
            Reply reply = Http.get(verifier + "/examples/jwt-only").bearer(token).header("X-Correlation-Id", correlationId)
                .send();
            Expect.unauthorized(reply);
            assertThat(reply.header("WWW-Authenticate")).as("%s", reply)
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("invalid_token"));
        }
        assertThat(stack.backendTap().requestWith("X-Correlation-Id", correlationId))
            .as("the gateway passed the token on to resource-service").isEmpty();
    }

    /** The user's token with {@code change} applied, signed with the key auth-server signs with now. */
    private String resign(SignedInUser user, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(user.accessToken(), change, stack.signingKey());
    }

    private static String sign(String genuine, UnaryOperator<JWTClaimsSet.Builder> change,
            RSAKey key) {
        try {
            SignedJWT original = SignedJWT.parse(genuine);
            JWSHeader header = new JWSHeader.Builder(original.getHeader()).keyID(key.getKeyID()).build();
            SignedJWT copy = new SignedJWT(header, change.apply(new JWTClaimsSet.Builder(original.getJWTClaimsSet())).build());
            copy.sign(new RSASSASigner(key));
            return copy.serialize();
        }
        catch (ParseException | JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
