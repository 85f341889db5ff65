package org.secplane.crypto.internal.software;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ProviderKeyExchange;

/** Curve25519 (RFC 7748) with Bouncy Castle's constant-time {@code rfc7748.X25519}. */
final class BcX25519Exchange implements ProviderKeyExchange {

    private byte[] scalar;
    private byte[] publicValue;

    private BcX25519Exchange(byte[] scalar) {
        this.scalar = scalar;
    }

    static BcX25519Exchange generate(SecureRandom random) {
        byte[] k = new byte[X25519.SCALAR_SIZE];
        X25519.generatePrivateKey(random, k);
        return new BcX25519Exchange(k);
    }

    static BcX25519Exchange fromPrivate(byte[] privateValue) {
        if (privateValue.length != X25519.SCALAR_SIZE) {
            throw new CryptoException("curve25519: private value of " + privateValue.length + " bytes, expected 32");
        }
        return new BcX25519Exchange(privateValue.clone());
    }

    @Override
    public Algorithm algorithm() {
        return Algorithm.CURVE25519;
    }

    @Override
    public byte[] publicValue() {
        byte[] k = key();
        if (publicValue == null) {
            publicValue = new byte[X25519.POINT_SIZE];
            X25519.generatePublicKey(k, 0, publicValue, 0);
        }
        return publicValue.clone();
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) {
        byte[] k = key();
        if (peerPublicValue == null || peerPublicValue.length != X25519.POINT_SIZE) {
            throw new CryptoException("curve25519: peer public value has " + (peerPublicValue == null ? 0 : peerPublicValue.length)
                    + " bytes, expected 32");
        }
        byte[] u = peerPublicValue.clone();
        u[31] &= 0x7f;
        byte[] secret = new byte[X25519.POINT_SIZE];
        if (!X25519.calculateAgreement(k, 0, u, 0, secret, 0)) {
            throw new CryptoException("curve25519: the shared secret is all zero (small-order peer point)");
        }
        return secret;
    }

    @Override
    public byte[] privateValue() {
        return key().clone();
    }

    private byte[] key() {
        byte[] k = scalar;
        if (k == null) {
            throw new IllegalStateException("curve25519 key exchange is closed");
        }
        return k;
    }

    @Override
    public void close() {
        if (scalar != null) {
            Arrays.fill(scalar, (byte) 0);
            scalar = null;
        }
    }
}
