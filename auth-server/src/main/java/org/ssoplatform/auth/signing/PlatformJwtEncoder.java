package org.ssoplatform.auth.signing;

import java.net.URL;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jose.jws.JwsAlgorithm;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JoseHeaderNames;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtEncodingException;

/**
 * Signs with the current key (of {@link SigningKeys}) through {@link RsaSigners}: Spring Security's
 * {@code NimbusJwtEncoder} makes its own signers with the JDK's provider and lets no one choose another.
 * The tokens are the same: the header gets the key's {@code kid}, instants become NumericDates.
 */
final class PlatformJwtEncoder implements JwtEncoder {

    /** What the token customizers may set; {@code jku}, {@code x5c} and the like are refused, not dropped. */
    private static final Set<String> SUPPORTED_HEADERS = Set.of(JoseHeaderNames.ALG, JoseHeaderNames.KID,
            JoseHeaderNames.TYP, JoseHeaderNames.CTY);

    private record KeySigner(RSAKey key, JWSSigner signer) {
    }

    private final Supplier<RSAKey> currentKey;

    private final RsaSigners signers;

    private volatile KeySigner current;

    PlatformJwtEncoder(Supplier<RSAKey> currentKey, RsaSigners signers) {
        this.currentKey = currentKey;
        this.signers = signers;
    }

    @Override
    public Jwt encode(JwtEncoderParameters parameters) throws JwtEncodingException {
        JwsHeader requested = parameters.getJwsHeader() != null ? parameters.getJwsHeader()
                : JwsHeader.with(SignatureAlgorithm.RS256).build();
        KeySigner signer = signerFor(currentKey.get());
        Map<String, Object> headers = new LinkedHashMap<>(requested.getHeaders());
        headers.putIfAbsent(JoseHeaderNames.KID, signer.key().getKeyID());
        JwtClaimsSet claims = parameters.getClaims();
        try {
            SignedJWT jwt = new SignedJWT(header(headers, signer.key()), claims(claims));
            jwt.sign(signer.signer());
            return new Jwt(jwt.serialize(), claims.getIssuedAt(), claims.getExpiresAt(), headers, claims.getClaims());
        }
        catch (JOSEException ex) {
            throw new JwtEncodingException("The token could not be signed: " + ex.getMessage(), ex);
        }
    }

    private KeySigner signerFor(RSAKey key) {
        KeySigner signer = this.current;
        if (signer != null && signer.key().equals(key)) {
            return signer;
        }
        try {
            signer = new KeySigner(key, signers.signer(key));
        }
        catch (JOSEException ex) {
            throw new JwtEncodingException("The signing key is unusable: " + ex.getMessage(), ex);
        }
        this.current = signer;
        return signer;
    }

    private static JWSHeader header(Map<String, Object> headers, RSAKey key) {
        headers.keySet().stream().filter(name -> !SUPPORTED_HEADERS.contains(name)).findFirst().ifPresent(name -> {
            throw new JwtEncodingException("The JOSE header '" + name + "' is not supported");
        });
        JWSAlgorithm alg = JWSAlgorithm.parse(headers.get(JoseHeaderNames.ALG) instanceof JwsAlgorithm jws
                ? jws.getName() : String.valueOf(headers.get(JoseHeaderNames.ALG)));
        if (!JWSAlgorithm.Family.RSA.contains(alg) || !key.getKeyID().equals(headers.get(JoseHeaderNames.KID))) {
            throw new JwtEncodingException("Only the current RSA key signs, not " + alg + " with key "
                    + headers.get(JoseHeaderNames.KID));
        }
        JWSHeader.Builder header = new JWSHeader.Builder(alg).keyID(key.getKeyID());
        if (headers.get(JoseHeaderNames.TYP) instanceof String type) {
            header.type(new JOSEObjectType(type));
        }
        if (headers.get(JoseHeaderNames.CTY) instanceof String contentType) {
            header.contentType(contentType);
        }
        return header.build();
    }

    private static JWTClaimsSet claims(JwtClaimsSet claims) {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder();
        claims.getClaims().forEach((name, value) -> builder.claim(name, json(value)));
        return builder.build();
    }

    private static Object json(Object value) {
        if (value instanceof Instant instant) {
            return Date.from(instant);
        }
        if (value instanceof URL url) {
            return url.toExternalForm();
        }
        return value;
    }
}
