package org.secplane.crypto.internal.software;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPrivateKey;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPrivateKeySpec;
import javax.crypto.spec.DHPublicKeySpec;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ModpGroup;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * MODP Diffie-Hellman over SunJCE with an explicit private exponent length ({@link ModpGroup}):
 * SunJCE's default exponent of 1024 bits would make group 14 4.5 times slower.
 */
final class JcaModpExchange implements ProviderKeyExchange {

    private final ModpGroup group;
    private DHPrivateKey privateKey;
    private BigInteger publicValue;

    private JcaModpExchange(ModpGroup group, DHPrivateKey privateKey, BigInteger publicValue) {
        this.group = group;
        this.privateKey = privateKey;
        this.publicValue = publicValue;
    }

    static JcaModpExchange generate(Algorithm algorithm, SecureRandom random) {
        ModpGroup group = ModpGroup.of(algorithm);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("DH", JcaProvider.SUN_JCE);
            generator.initialize(new DHParameterSpec(group.prime(), group.generator(), group.exponentBits()), random);
            KeyPair pair = generator.generateKeyPair();
            return new JcaModpExchange(group, (DHPrivateKey) pair.getPrivate(), ((DHPublicKey) pair.getPublic()).getY());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    static JcaModpExchange fromPrivate(Algorithm algorithm, byte[] privateValue) {
        ModpGroup group = ModpGroup.of(algorithm);
        BigInteger x = new BigInteger(1, privateValue);
        if (x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(group.prime().subtract(BigInteger.ONE)) >= 0) {
            throw new CryptoException(algorithm.label() + ": private value out of range");
        }
        try {
            DHPrivateKey key = (DHPrivateKey) KeyFactory.getInstance("DH", JcaProvider.SUN_JCE)
                    .generatePrivate(new DHPrivateKeySpec(x, group.prime(), group.generator()));
            return new JcaModpExchange(group, key, null);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Algorithm algorithm() {
        return group.algorithm();
    }

    @Override
    public byte[] publicValue() {
        DHPrivateKey key = key();
        if (publicValue == null) {
            publicValue = group.generator().modPow(key.getX(), group.prime());
        }
        return group.encode(publicValue);
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) {
        DHPrivateKey key = key();
        BigInteger y = group.peerValue(peerPublicValue);
        try {
            PublicKey peer = KeyFactory.getInstance("DH", JcaProvider.SUN_JCE)
                    .generatePublic(new DHPublicKeySpec(y, group.prime(), group.generator()));
            KeyAgreement agreement = KeyAgreement.getInstance("DH", JcaProvider.SUN_JCE);
            agreement.init(key);
            agreement.doPhase(peer, true);
            return Bytes.fixed(agreement.generateSecret(), group.length());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(group.algorithm().label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] privateValue() {
        BigInteger x = key().getX();
        return Bytes.fixed(x, (x.bitLength() + 7) / 8);
    }

    private DHPrivateKey key() {
        DHPrivateKey key = privateKey;
        if (key == null) {
            throw new IllegalStateException(group.algorithm().label() + " key exchange is closed");
        }
        return key;
    }

    /** Drops the private key; the JDK offers no way to wipe a {@code DHPrivateKey}'s value. */
    @Override
    public void close() {
        privateKey = null;
    }
}
