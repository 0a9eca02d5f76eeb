package org.ssoplatform.auth.token;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.ssoplatform.auth.AuthServerFlowTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a resource server validating our tokens from the JWKS refuses. */
class TokenRejectionTest extends AuthServerFlowTest {

    @Autowired
    JwtEncoder platformSigner;

    final JwtDecoder resourceServer = ResourceServerView.of(BASE);

    @Test
    void aGenuineTokenIsAccepted() {
        String token = new OAuthClient(BASE).clientCredentialsToken();

        assertThat(resourceServer.decode(token).getSubject()).isEqualTo("gateway");
    }

    @Test
    void aTamperedPayloadIsRejected() {
        String[] parts = new OAuthClient(BASE).clientCredentialsToken().split("\\.");
        String forged = new String(Base64.getUrlDecoder().decode(parts[1])).replace("\"roles\":[]", "\"roles\":[\"admin\"]");
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "."
                + parts[2];

        assertThatThrownBy(() -> resourceServer.decode(tampered)).isInstanceOf(JwtException.class);
    }

    @Test
    void anExpiredTokenIsRejected() {
        Instant past = Instant.now().minusSeconds(3600);
        String expired = sign(platformSigner, claims(BASE).issuedAt(past).expiresAt(past.plusSeconds(60)).build());

        assertThatThrownBy(() -> resourceServer.decode(expired)).isInstanceOf(JwtException.class)
            .hasMessageContaining("expired");
    }

    @Test
    void anUnsignedTokenIsRejected() {
        String header = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes());
        String payload = Base64.getUrlEncoder().withoutPadding().encodeToString(("{\"sub\":\"1\",\"iss\":\"" + BASE
                + "\",\"aud\":[\"platform-api\"],\"roles\":[\"admin\"],\"exp\":" + (Instant.now().getEpochSecond() + 600)
                + "}").getBytes());

        assertThatThrownBy(() -> resourceServer.decode(header + "." + payload + ".")).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenSignedByAnotherKeyIsRejectedEvenWithAKnownKid() throws JOSEException {
        String knownKid = ResourceServerKeys.currentKid(BASE);
        RSAKey attacker = new RSAKeyGenerator(2048).keyID(knownKid).algorithm(JWSAlgorithm.RS256).generate();
        NimbusJwtEncoder attackerSigner = new NimbusJwtEncoder(
                (selector, context) -> selector.select(new com.nimbusds.jose.jwk.JWKSet(attacker)));

        String forged = sign(attackerSigner, claims(BASE).build());

        assertThatThrownBy(() -> resourceServer.decode(forged)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenFromAnotherIssuerIsRejected() {
        String foreign = sign(platformSigner, claims("https://evil.example").build());

        assertThatThrownBy(() -> resourceServer.decode(foreign)).isInstanceOf(JwtException.class);
    }

    @Test
    void aTokenForAnotherAudienceIsRejected() {
        String otherAudience = sign(platformSigner, claims(BASE).audience(List.of("another-api")).build());

        assertThatThrownBy(() -> resourceServer.decode(otherAudience)).isInstanceOf(JwtException.class);
    }

    private static JwtClaimsSet.Builder claims(String issuer) {
        Instant now = Instant.now();
        return JwtClaimsSet.builder()
            .issuer(issuer)
            .subject("1")
            .audience(List.of("platform-api"))
            .issuedAt(now)
            .expiresAt(now.plusSeconds(600))
            .id(UUID.randomUUID().toString())
            .claim("roles", List.of("admin"));
    }

    private static String sign(JwtEncoder signer, JwtClaimsSet claims) {
        return signer.encode(JwtEncoderParameters.from(JwsHeader.with(() -> "RS256").build(), claims)).getTokenValue();
    }
}
