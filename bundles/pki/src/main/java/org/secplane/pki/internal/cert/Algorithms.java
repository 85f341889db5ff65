package org.secplane.pki.internal.cert;

import java.math.BigInteger;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Map;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * OpenSSL's long names, which the guide prints ({@code rsaEncryption(1024 bits)}, {@code sha1WithRSAEncryption};
 * pki.md §3.22), and key sizes.
 */
final class Algorithms {

    private static final Map<String, String> SIGNATURES = Map.ofEntries(
            Map.entry("1.2.840.113549.1.1.4", "md5WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.2", "md2WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.5", "sha1WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.14", "sha224WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.11", "sha256WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.12", "sha384WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.13", "sha512WithRSAEncryption"),
            Map.entry("1.2.840.113549.1.1.10", "rsassaPss"),
            Map.entry("1.2.840.10040.4.3", "dsaWithSHA1"),
            Map.entry("2.16.840.1.101.3.4.3.1", "dsa_with_SHA224"),
            Map.entry("2.16.840.1.101.3.4.3.2", "dsa_with_SHA256"),
            Map.entry("1.2.840.10045.4.1", "ecdsa-with-SHA1"),
            Map.entry("1.2.840.10045.4.3.1", "ecdsa-with-SHA224"),
            Map.entry("1.2.840.10045.4.3.2", "ecdsa-with-SHA256"),
            Map.entry("1.2.840.10045.4.3.3", "ecdsa-with-SHA384"),
            Map.entry("1.2.840.10045.4.3.4", "ecdsa-with-SHA512"),
            Map.entry("1.3.101.112", "ED25519"),
            Map.entry("1.3.101.113", "ED448"));

    private static final Map<String, String> KEYS = Map.of(
            "1.2.840.113549.1.1.1", "rsaEncryption",
            "1.2.840.113549.1.1.10", "rsassaPss",
            "1.2.840.10040.4.1", "dsaEncryption",
            "1.2.840.10045.2.1", "id-ecPublicKey",
            "1.3.101.112", "ED25519",
            "1.3.101.113", "ED448");

    private Algorithms() {
    }

    static String signature(String oid) {
        return SIGNATURES.getOrDefault(oid, oid);
    }

    /** {@code rsaEncryption(2048 bits)}. */
    static String publicKey(byte[] publicKeyInfo) {
        SubjectPublicKeyInfo info = SubjectPublicKeyInfo.getInstance(publicKeyInfo);
        String oid = info.getAlgorithm().getAlgorithm().getId();
        String name = KEYS.getOrDefault(oid, oid);
        int bits = bits(publicKeyInfo);
        return bits > 0 ? name + "(" + bits + " bits)" : name;
    }

    /** The key size: modulus, prime p, or curve field bits; 0 when unknown. */
    static int bits(byte[] publicKeyInfo) {
        try {
            java.security.PublicKey key = Signing.publicKey(publicKeyInfo);
            if (key instanceof RSAPublicKey) {
                return ((RSAPublicKey) key).getModulus().bitLength();
            }
            if (key instanceof DSAPublicKey) {
                BigInteger p = ((DSAPublicKey) key).getParams() == null ? null : ((DSAPublicKey) key).getParams().getP();
                return p == null ? 0 : p.bitLength();
            }
            if (key instanceof ECPublicKey) {
                return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
            }
        } catch (java.security.GeneralSecurityException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
