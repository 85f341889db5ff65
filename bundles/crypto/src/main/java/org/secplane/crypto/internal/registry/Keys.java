package org.secplane.crypto.internal.registry;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.secplane.crypto.Algorithm;

/** JDK key objects from the DER encodings of the vector files (the keys a consumer would pass). */
final class Keys {

    private Keys() {
    }

    static String family(Algorithm algorithm) {
        String label = algorithm.label();
        if (label.startsWith("rsa-")) {
            return "RSA";
        }
        if (label.startsWith("dsa-")) {
            return "DSA";
        }
        if (label.startsWith("ecdsa-")) {
            return "EC";
        }
        throw new IllegalArgumentException(label + " is not a signature algorithm");
    }

    static PrivateKey privateKey(Algorithm algorithm, byte[] pkcs8) throws GeneralSecurityException {
        return KeyFactory.getInstance(family(algorithm)).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    static PublicKey publicKey(Algorithm algorithm, byte[] spki) throws GeneralSecurityException {
        return KeyFactory.getInstance(family(algorithm)).generatePublic(new X509EncodedKeySpec(spki));
    }
}
