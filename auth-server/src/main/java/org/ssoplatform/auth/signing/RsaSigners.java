package org.ssoplatform.auth.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Provider;
import java.util.Optional;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the signer for a private key. RS256 signatures are most of a token's CPU; AWS-LC (through
 * the Amazon Corretto Crypto Provider) signs one in a quarter of the JDK's time on CPUs with AVX-512
 * IFMA (docs/performance.md), but only with a key translated into its own key object once, not with the
 * JDK's key (which it would convert on every signature). Where its native library cannot load (it
 * ships for Linux on x86-64) the JDK signs.
 */
final class RsaSigners {

    private static final Logger log = LoggerFactory.getLogger(RsaSigners.class);

    private final Optional<Provider> provider;

    private RsaSigners(Optional<Provider> provider) {
        this.provider = provider;
    }

    static RsaSigners fastest() {
        AmazonCorrettoCryptoProvider accp = AmazonCorrettoCryptoProvider.INSTANCE;
        Throwable loadingError = accp.getLoadingError();
        if (loadingError == null) {
            log.info("Tokens are signed with {} (Amazon Corretto Crypto Provider {})", accp.getAwsLcVersionStr(),
                    accp.getVersionStr());
            return new RsaSigners(Optional.of(accp));
        }
        log.info("The Amazon Corretto Crypto Provider does not load on {} {} ({}); the JDK signs tokens",
                System.getProperty("os.name"), System.getProperty("os.arch"), loadingError.toString());
        return jdk();
    }

    static RsaSigners jdk() {
        return new RsaSigners(Optional.empty());
    }

    RSASSASigner signer(RSAKey key) throws JOSEException {
        if (provider.isEmpty()) {
            return new RSASSASigner(key);
        }
        try {
            PrivateKey translated = (PrivateKey) KeyFactory.getInstance("RSA", provider.get())
                .translateKey(key.toPrivateKey());
            RSASSASigner signer = new RSASSASigner(translated);
            signer.getJCAContext().setProvider(provider.get());
            return signer;
        }
        catch (GeneralSecurityException ex) {
            throw new JOSEException("The signing key cannot be used with " + provider.get().getName(), ex);
        }
    }
}
