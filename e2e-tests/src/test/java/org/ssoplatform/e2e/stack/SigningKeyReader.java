package org.ssoplatform.e2e.stack;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.text.ParseException;

import com.nimbusds.jose.jwk.RSAKey;

/**
 * Opens a signing key as auth-server stored it, with auth-server's own {@code signing/SigningKeyCipher}
 * loaded from the packaged jar under test (it uses only the JDK), so that this reader cannot drift
 * from the scheme; should auth-server store keys differently, this fails loudly rather than let a
 * test sign with a wrong key.
 */
final class SigningKeyReader {

    private static final String CIPHER = "org.ssoplatform.auth.signing.SigningKeyCipher";

    private SigningKeyReader() {
    }

    static RSAKey read(Path authServerJar, PlatformDatabase.StoredSigningKey stored, String secret) {
        try (URLClassLoader loader = new URLClassLoader(new URL[] { classesOf(authServerJar) }, ClassLoader.getPlatformClassLoader())) {
            Class<?> cipherClass = loader.loadClass(CIPHER);
            Constructor<?> constructor = cipherClass.getConstructor(String.class);
            Method decrypt = cipherClass.getMethod("decrypt", String.class, String.class, String.class);
            int version = cipherClass.getField("VERSION").getInt(null);
            if (stored.keyEncryptionVersion() != version) {
                throw new IllegalStateException("The stored signing key " + stored.kid() + " is sealed with version "
                        + stored.keyEncryptionVersion() + ", auth-server writes " + version);
            }
            String json = (String) decrypt.invoke(constructor.newInstance(secret), stored.kid(), stored.salt(),
                    stored.encryptedPrivateKey());
            RSAKey key = RSAKey.parse(json);
            if (!stored.kid().equals(key.getKeyID()) || !key.isPrivate()) {
                throw new IllegalStateException("The stored signing key " + stored.kid() + " is not the private key it names");
            }
            return key;
        }
        catch (InvocationTargetException ex) {
            throw new IllegalStateException("auth-server's cipher cannot open its current signing key", ex.getCause());
        }
        catch (ReflectiveOperationException | java.io.IOException ex) {
            throw new IllegalStateException("Cannot load " + CIPHER + " from " + authServerJar, ex);
        }
        catch (ParseException ex) {
            throw new IllegalStateException("auth-server's signing key is not a JWK once decrypted", ex);
        }
    }

    /** The application classes inside the Spring Boot jar. */
    private static URL classesOf(Path jar) throws MalformedURLException {
        return new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/");
    }
}
