package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Signer;

/** RSA (PKCS #1 v1.5, PSS), DSA and ECDSA signatures from SunRsaSign, SUN and SunEC. */
final class JcaSignatures {

    private JcaSignatures() {
    }

    /** A signer; thread-safe, as each signature gets its own JCA object. */
    static Signer signer(Algorithm algorithm, PrivateKey key, SecureRandom random) {
        checkKey(algorithm, key);
        return new Signer() {
            @Override
            public Algorithm algorithm() {
                return algorithm;
            }

            @Override
            public byte[] sign(byte[] data) {
                try {
                    Signature signature = instance(algorithm);
                    signature.initSign(key, random);
                    signature.update(algorithm == Algorithm.DSA_SHA1 ? sha1(data) : data);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
                }
            }
        };
    }

    static boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signatureBytes) {
        checkKey(algorithm, key);
        Signature signature;
        try {
            signature = instance(algorithm);
            signature.initVerify(key);
        } catch (InvalidKeyException e) {
            throw new CryptoException(algorithm.label() + ": unusable public key: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
        try {
            signature.update(algorithm == Algorithm.DSA_SHA1 ? sha1(data) : data);
            return signature.verify(signatureBytes);
        } catch (SignatureException | RuntimeException e) {
            return false; // a malformed signature is a bad signature
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    static Signature instance(Algorithm algorithm) throws GeneralSecurityException {
        switch (algorithm) {
            case RSA_PKCS1_SHA1:
                return Signature.getInstance("SHA1withRSA", JcaProvider.SUN_RSA_SIGN);
            case RSA_PKCS1_SHA256:
                return Signature.getInstance("SHA256withRSA", JcaProvider.SUN_RSA_SIGN);
            case RSA_PKCS1_SHA384:
                return Signature.getInstance("SHA384withRSA", JcaProvider.SUN_RSA_SIGN);
            case RSA_PKCS1_SHA512:
                return Signature.getInstance("SHA512withRSA", JcaProvider.SUN_RSA_SIGN);
            case RSA_PSS_SHA256:
                return pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case RSA_PSS_SHA384:
                return pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case RSA_PSS_SHA512:
                return pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case DSA_SHA1:
                // SHA1withDSA refuses to sign with keys above 1024 bits (a JDK policy); DSA over a SHA-1
                // digest is the same signature (FIPS 186-4 section 4.6 uses min(N, outlen) bits of it).
                return Signature.getInstance("NONEwithDSA", JcaProvider.SUN);
            case DSA_SHA256:
                return Signature.getInstance("SHA256withDSA", JcaProvider.SUN);
            case ECDSA_P256_SHA256:
                return Signature.getInstance("SHA256withECDSA", JcaProvider.SUN_EC);
            case ECDSA_P384_SHA384:
                return Signature.getInstance("SHA384withECDSA", JcaProvider.SUN_EC);
            default:
                throw new IllegalArgumentException(algorithm.label() + " is not a signature algorithm");
        }
    }

    private static byte[] sha1(byte[] data) throws GeneralSecurityException {
        return java.security.MessageDigest.getInstance("SHA-1", JcaProvider.SUN).digest(data);
    }

    private static Signature pss(String hash, MGF1ParameterSpec mgf, int salt) throws GeneralSecurityException {
        Signature signature = Signature.getInstance("RSASSA-PSS", JcaProvider.SUN_RSA_SIGN);
        signature.setParameter(new PSSParameterSpec(hash, "MGF1", mgf, salt, PSSParameterSpec.TRAILER_FIELD_BC));
        return signature;
    }

    /** The key must be of the algorithm's family, and on its curve for ECDSA. */
    static void checkKey(Algorithm algorithm, Key key) {
        if (key == null) {
            throw new CryptoException(algorithm.label() + ": no key");
        }
        String label = algorithm.label();
        boolean fits;
        if (label.startsWith("rsa-")) {
            fits = key instanceof RSAKey;
        } else if (label.startsWith("dsa-")) {
            fits = key instanceof DSAKey;
        } else {
            fits = key instanceof ECKey && EcCurve.of(algorithm).matches(((ECKey) key).getParams());
        }
        if (!fits) {
            throw new CryptoException(label + " cannot use a " + key.getAlgorithm() + " key"
                    + (key instanceof ECKey && label.startsWith("ecdsa-") ? " on another curve (needs "
                    + EcCurve.of(algorithm).nistName() + ")" : ""));
        }
    }
}
