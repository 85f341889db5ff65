package org.secplane.crypto.internal.software;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import javax.crypto.KeyAgreement;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * ECDH on the NIST curves over SunEC, with the IKE encodings of RFC 5903 and the peer checks of
 * {@link EcCurve#decodePeer}. SunEC on JDK 17 is 4-5 times slower than Bouncy Castle here
 * (perf-baselines.md Table 3), so the speed ranking normally hands these groups to the other provider.
 */
final class JcaEcdhExchange implements ProviderKeyExchange {

    private final Algorithm algorithm;
    private final EcCurve curve;
    private ECPrivateKey privateKey;
    private ECPoint publicPoint;

    private JcaEcdhExchange(Algorithm algorithm, ECPrivateKey privateKey, ECPoint publicPoint) {
        this.algorithm = algorithm;
        this.curve = EcCurve.of(algorithm);
        this.privateKey = privateKey;
        this.publicPoint = publicPoint;
    }

    static JcaEcdhExchange generate(Algorithm algorithm, SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", JcaProvider.SUN_EC);
            generator.initialize(new ECGenParameterSpec(EcCurve.of(algorithm).jcaName()), random);
            KeyPair pair = generator.generateKeyPair();
            return new JcaEcdhExchange(algorithm, (ECPrivateKey) pair.getPrivate(), ((ECPublicKey) pair.getPublic()).getW());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    static JcaEcdhExchange fromPrivate(Algorithm algorithm, byte[] privateValue) {
        EcCurve curve = EcCurve.of(algorithm);
        BigInteger d = new BigInteger(1, privateValue);
        if (d.signum() == 0 || d.compareTo(curve.spec().getOrder()) >= 0) {
            throw new CryptoException(algorithm.label() + ": private value out of range");
        }
        try {
            ECPrivateKey key = (ECPrivateKey) KeyFactory.getInstance("EC", JcaProvider.SUN_EC)
                    .generatePrivate(new ECPrivateKeySpec(d, curve.spec()));
            return new JcaEcdhExchange(algorithm, key, null);
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Algorithm algorithm() {
        return algorithm;
    }

    @Override
    public byte[] publicValue() {
        ECPrivateKey key = key();
        if (publicPoint == null) {
            publicPoint = curve.multiplyGenerator(key.getS());
        }
        return curve.encode(publicPoint);
    }

    @Override
    public byte[] sharedSecret(byte[] peerPublicValue) {
        ECPrivateKey key = key();
        ECPoint point = curve.decodePeer(algorithm, peerPublicValue);
        try {
            PublicKey peer = KeyFactory.getInstance("EC", JcaProvider.SUN_EC).generatePublic(new ECPublicKeySpec(point, curve.spec()));
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH", JcaProvider.SUN_EC);
            agreement.init(key);
            agreement.doPhase(peer, true);
            return Bytes.fixed(agreement.generateSecret(), curve.length());
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm.label() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] privateValue() {
        return Bytes.fixed(key().getS(), (curve.spec().getOrder().bitLength() + 7) / 8);
    }

    private ECPrivateKey key() {
        ECPrivateKey key = privateKey;
        if (key == null) {
            throw new IllegalStateException(algorithm.label() + " key exchange is closed");
        }
        return key;
    }

    @Override
    public void close() {
        privateKey = null;
    }
}
