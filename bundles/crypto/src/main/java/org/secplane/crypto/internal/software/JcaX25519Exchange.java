package org.secplane.crypto.internal.software;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPrivateKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import javax.crypto.KeyAgreement;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Curve25519 (IKE group 31, RFC 8031) over the JDK's XDH in SunEC. Public values and secrets are the
 * 32-byte little-endian u-coordinates of RFC 7748; an all-zero secret (a small-order peer point) is
 * refused.
 */
final class JcaX25519Exchange implements ProviderKeyExchange {

    static final BigInteger P = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
    private static final byte[] BASE_POINT = new byte[32];

    static {
        BASE_POINT[0] = 9;
    }

    private PrivateKey privateKey;
    private byte[] scalar;
    private byte[] publicValue;

    private JcaX25519Exchange(PrivateKey privateKey, byte[] scalar, byte[] publicValue) {
        this.privateKey = privateKey;
        this.scalar = scalar;
        this.publicValue = publicValue;
    }

    static JcaX25519Exchange generate(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("X25519", JcaProvider.SUN_EC);
            generator.initialize(NamedParameterSpec.X25519, random);
            KeyPair pair = generator.generateKeyPair();
            byte[] scalar = ((XECPrivateKey) pair.getPrivate()).getScalar()
                    .orElseThrow(() -> new CryptoException("curve25519: the JDK key hides its scalar"));
            return new JcaX25519Exchange(pair.getPrivate(), scalar, Bytes.littleEndian(((XECPublicKey) pair.getPublic()).getU(), 32));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("curve25519: " + e.getMessage(), e);
        }
    }

    static JcaX25519Exchange fromPrivate(byte[] privateValue) {
        if (privateValue.length != 32) {
            throw new CryptoException("curve25519: private value of " + privateValue.length + " bytes, expected 32");
        }
        try {
            PrivateKey key = KeyFactory.getInstance("XDH", JcaProvider.SUN_EC)
                    .generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateValue.clone()));
            return new JcaX25519Exchange(key, privateValue.clone(), null);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("curve25519: " + e.getMessage(), e);
        }
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.CURVE25519;
    }

    @Override
    public byte[] publicValue() {
        key();
        if (publicValue == null) {
            publicValue = agree(BASE_POINT);
        }
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) {
        if (peerPublicValue == null || peerPublicValue.length != 32) {
            throw new CryptoException("curve25519: peer public value has " + (peerPublicValue == null ? 0 : peerPublicValue.length)
                    + " bytes, expected 32");
        }
        return agree(peerPublicValue);
    }

    private byte[] agree(byte[] peerU) {
        PrivateKey key = key();
        byte[] masked = peerU.clone();
        masked[31] &= 0x7f;
        BigInteger u = Bytes.littleEndian(masked).mod(P);
        byte[] secret;
        try {
            PublicKey peer = KeyFactory.getInstance("XDH", JcaProvider.SUN_EC)
                    .generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u));
            KeyAgreement agreement = KeyAgreement.getInstance("XDH", JcaProvider.SUN_EC);
            agreement.init(key);
            agreement.doPhase(peer, true);
            secret = agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new CryptoException("curve25519: peer value refused: " + e.getMessage(), e);
        }
        if (Bytes.allZero(secret)) {
            throw new CryptoException("curve25519: the shared secret is all zero (small-order peer point)");
        }
        return secret;
    }

    @Override
    public byte[] privateValue() {
        key();
        return scalar.clone();
    }

    private PrivateKey key() {
        PrivateKey key = privateKey;
        if (key == null) {
            throw new IllegalStateException("curve25519 key exchange is closed");
        }
        return key;
    }

    @Override
    public void close() {
        privateKey = null;
        if (scalar != null) {
            Arrays.fill(scalar, (byte) 0);
        }
    }
}
