package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Hash;

/** A message digest from the JDK's SUN provider. Thread-safe: a digest object per call. */
final class JcaHash implements Hash {

    private final Algorithm algorithm;
    private final String name;

    JcaHash(Algorithm algorithm) {
        this.algorithm = algorithm;
        this.name = jcaName(algorithm);
    }

    static String jcaName(Algorithm algorithm) {
        switch (algorithm) {
            case MD5:
                return "MD5";
            case SHA1:
                return "SHA-1";
            case SHA2_256:
                return "SHA-256";
            case SHA2_384:
                return "SHA-384";
            case SHA2_512:
                return "SHA-512";
            default:
                throw new IllegalArgumentException(algorithm.label() + " is not a hash");
        }
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] digest(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(name, JcaProvider.SUN);
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }
}
