package org.secplane.keystore.internal;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.secplane.keystore.KeyType;

/** Key pairs made, encoded and decoded with the JDK (SunRsaSign, SUN, SunEC). */
public final class SoftwareKeys {

    private SoftwareKeys() {
    }

    /** The JCA algorithm name of a key type. */
    static String jcaName(KeyType type) {
        switch (type) {
            case RSA:
                return "RSA";
            case DSA:
                return "DSA";
            default:
                return "EC";
        }
    }

    /** The NIST curve of an ECDSA size. */
    static String curve(int bits) {
        return bits == 384 ? "secp384r1" : "secp256r1";
    }

    /** A new key pair; {@code random} is the crypto registry's. */
    static KeyPair generate(KeyType type, int bits, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(jcaName(type));
        if (type == KeyType.ECDSA) {
            generator.initialize(new ECGenParameterSpec(curve(bits)), random);
        } else {
            generator.initialize(bits, random);
        }
        return generator.generateKeyPair();
    }

    public static PublicKey publicKey(KeyType type, byte[] subjectPublicKeyInfo) throws InvalidKeySpecException {
        try {
            return KeyFactory.getInstance(jcaName(type)).generatePublic(new X509EncodedKeySpec(subjectPublicKeyInfo));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses a PKCS #8 private key (the caller wipes {@code pkcs8}; the JDK keeps its own copy, see {@link Zeroing}). */
    public static PrivateKey privateKey(KeyType type, byte[] pkcs8) throws InvalidKeySpecException {
        try {
            return KeyFactory.getInstance(jcaName(type)).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The type of a public key, or {@code null} for a kind the PKI does not use. */
    static KeyType typeOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return KeyType.RSA;
        }
        if (key instanceof DSAPublicKey) {
            return KeyType.DSA;
        }
        if (key instanceof ECPublicKey) {
            return KeyType.ECDSA;
        }
        return null;
    }

    /** Bits of a public key: modulus, p, or the curve's field size. */
    static int sizeOf(PublicKey key) {
        if (key instanceof RSAPublicKey) {
            return ((RSAPublicKey) key).getModulus().bitLength();
        }
        if (key instanceof DSAPublicKey) {
            BigInteger p = ((DSAPublicKey) key).getParams().getP();
            return p.bitLength();
        }
        if (key instanceof ECPublicKey) {
            return ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize();
        }
        return 0;
    }
}
