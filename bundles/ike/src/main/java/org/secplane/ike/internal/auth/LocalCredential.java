package org.secplane.ike.internal.auth;

import java.security.cert.X509Certificate;
import java.util.List;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Signer;

/**
 * A local certificate and the means to sign with its private key, which stays where it is kept (the key store,
 * an HSM). The key store will provide these; tests make them from software keys.
 */
public interface LocalCredential {

    X509Certificate certificate();

    /** Intermediate CA certificates to send after the end-entity certificate (may be empty). */
    List<X509Certificate> chain();

    /** A signer with this certificate's key for {@code algorithm}, or {@code null} when the key cannot. */
    Signer signer(Algorithm algorithm);

    /** RSA keys only: sign with RSASSA-PSS rather than PKCS#1 v1.5 when RFC 7427 is in use. */
    default boolean preferPss() {
        return false;
    }
}
