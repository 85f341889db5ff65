package org.secplane.driver.openssl.internal;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;

/** What a signature {@link Algorithm} means to libcrypto: digest, key type, padding, curve. */
final class SignatureScheme {

    final Algorithm algorithm;
    final String digest;
    final String keyType;
    final boolean pss;
    /** The EC group name libcrypto reports for the key, or null. */
    final String curve;

    private SignatureScheme(Algorithm algorithm, String digest, String keyType, boolean pss, String curve) {
        this.algorithm = algorithm;
        this.digest = digest;
        this.keyType = keyType;
        this.pss = pss;
        this.curve = curve;
    }

    static SignatureScheme of(Algorithm algorithm) {
        switch (algorithm) {
            case RSA_PKCS1_SHA1: return new SignatureScheme(algorithm, "SHA1", "RSA", false, null);
            case RSA_PKCS1_SHA256: return new SignatureScheme(algorithm, "SHA2-256", "RSA", false, null);
            case RSA_PKCS1_SHA384: return new SignatureScheme(algorithm, "SHA2-384", "RSA", false, null);
            case RSA_PKCS1_SHA512: return new SignatureScheme(algorithm, "SHA2-512", "RSA", false, null);
            case RSA_PSS_SHA256: return new SignatureScheme(algorithm, "SHA2-256", "RSA", true, null);
            case RSA_PSS_SHA384: return new SignatureScheme(algorithm, "SHA2-384", "RSA", true, null);
            case RSA_PSS_SHA512: return new SignatureScheme(algorithm, "SHA2-512", "RSA", true, null);
            case DSA_SHA1: return new SignatureScheme(algorithm, "SHA1", "DSA", false, null);
            case DSA_SHA256: return new SignatureScheme(algorithm, "SHA2-256", "DSA", false, null);
            case ECDSA_P256_SHA256: return new SignatureScheme(algorithm, "SHA2-256", "EC", false, "prime256v1");
            case ECDSA_P384_SHA384: return new SignatureScheme(algorithm, "SHA2-384", "EC", false, "secp384r1");
            default: throw new IllegalArgumentException("not a signature algorithm: " + algorithm);
        }
    }

    /**
     * Parameters for {@code EVP_DigestSignInit_ex}/{@code EVP_DigestVerifyInit_ex}: for PSS, MGF1 with the
     * same digest and a salt as long as the digest (RFC 7427 usage); else none (PKCS#1 v1.5 is the RSA default).
     */
    Params params() {
        if (!pss) {
            return null;
        }
        return Params.builder().utf8("pad-mode", "pss").utf8("saltlen", "digest").utf8("mgf1-digest", digest).build();
    }

    /** Throws unless {@code pkey} is a key this scheme can use. */
    void checkKey(long pkey) {
        boolean typeOk = LibCrypto.EVP_PKEY_is_a(pkey, keyType) == 1
                || pss && LibCrypto.EVP_PKEY_is_a(pkey, "RSA-PSS") == 1;
        if (!typeOk) {
            throw new CryptoException(algorithm.label() + " needs a " + keyType + " key");
        }
        if (curve != null) {
            try (NativeScratch scratch = new NativeScratch(16 + 80)) {
                if (LibCrypto.EVP_PKEY_get_utf8_string_param(pkey, "group", scratch.at(16), 80, scratch.at(0)) != 1) {
                    throw Errors.failure(algorithm.label() + ": key has no named curve");
                }
                String group = new String(scratch.get(16, (int) scratch.getLong(0)),
                        java.nio.charset.StandardCharsets.US_ASCII);
                if (!curve.equals(group)) {
                    throw new CryptoException(algorithm.label() + " needs a key on " + curve + ", not " + group);
                }
            }
        }
    }
}
