package org.secplane.crypto.internal.software;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Security;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Hash;
import org.secplane.crypto.Mac;
import org.secplane.crypto.Prf;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Everything the JDK has, from its own providers named explicitly (SunJCE, SUN, SunEC, SunRsaSign),
 * never from whatever is first in the JCA provider list: another bundle may add Bouncy Castle's JCA
 * provider there, which is 20 times slower for AES.
 *
 * <p>Claims every {@link Algorithm} whose JDK provider is present (a trimmed runtime without
 * {@code jdk.crypto.ec} would lose the elliptic-curve ones). Randomness comes from the JDK's
 * SP 800-90A DRBG.
 */
public final class JcaProvider implements CryptoProvider {

    public static final String NAME = "jca";
    static final String SUN_JCE = "SunJCE";
    static final String SUN = "SUN";
    static final String SUN_EC = "SunEC";
    static final String SUN_RSA_SIGN = "SunRsaSign";

    private final Set<Algorithm> algorithms;
    private final SecureRandom random;

    public JcaProvider() {
        EnumSet<Algorithm> claimed = EnumSet.noneOf(Algorithm.class);
        for (Algorithm algorithm : Algorithm.values()) {
            if (Security.getProvider(jdkProvider(algorithm)) != null) {
                claimed.add(algorithm);
            }
        }
        this.algorithms = Collections.unmodifiableSet(claimed);
        try {
            this.random = SecureRandom.getInstance("DRBG", SUN);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the JDK's DRBG is not available", e);
        }
    }

    static String jdkProvider(Algorithm algorithm) {
        switch (algorithm.type()) {
            case CIPHER:
            case AEAD:
                return SUN_JCE;
            case INTEGRITY:
            case PRF:
            case HASH:
            case RANDOM:
                return SUN;
            case KEY_EXCHANGE:
                return algorithm.label().startsWith("modp") ? SUN_JCE : SUN_EC;
            case SIGNATURE:
                return algorithm.label().startsWith("rsa-") ? SUN_RSA_SIGN : algorithm.label().startsWith("dsa-") ? SUN : SUN_EC;
            default:
                throw new IllegalArgumentException(algorithm.label());
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driver() {
        return "SunJCE, SUN, SunEC, SunRsaSign (Java " + Runtime.version() + ")";
    }

    @Override
    public Set<Algorithm> algorithms() {
        return algorithms;
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        switch (claim(algorithm, AlgorithmType.CIPHER)) {
            case AES_128_CTR:
            case AES_192_CTR:
            case AES_256_CTR:
                return new JcaCtrCipher(algorithm, key);
            default:
                return new JcaCbcCipher(algorithm, key);
        }
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        if (claim(algorithm, AlgorithmType.AEAD) == Algorithm.CHACHA20_POLY1305) {
            return new JcaChaCha20Poly1305(algorithm, keyAndSalt);
        }
        return new JcaGcm(algorithm, keyAndSalt);
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        return new JcaMac(claim(algorithm, AlgorithmType.INTEGRITY), key);
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        return new JcaPrf(claim(algorithm, AlgorithmType.PRF));
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        return new JcaHash(claim(algorithm, AlgorithmType.HASH));
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        claim(algorithm, AlgorithmType.KEY_EXCHANGE);
        if (algorithm == Algorithm.CURVE25519) {
            return JcaX25519Exchange.generate(random);
        }
        if (algorithm.label().startsWith("ecp")) {
            return JcaEcdhExchange.generate(algorithm, random);
        }
        return JcaModpExchange.generate(algorithm, random);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        claim(algorithm, AlgorithmType.KEY_EXCHANGE);
        if (algorithm == Algorithm.CURVE25519) {
            return JcaX25519Exchange.fromPrivate(privateValue);
        }
        if (algorithm.label().startsWith("ecp")) {
            return JcaEcdhExchange.fromPrivate(algorithm, privateValue);
        }
        return JcaModpExchange.fromPrivate(algorithm, privateValue);
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        return JcaSignatures.signer(claim(algorithm, AlgorithmType.SIGNATURE), key, random);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return JcaSignatures.verify(claim(algorithm, AlgorithmType.SIGNATURE), key, data, signature);
    }

    @Override
    public void random(byte[] bytes) {
        random.nextBytes(bytes);
    }

    private Algorithm claim(Algorithm algorithm, AlgorithmType type) {
        if (algorithm.type() != type || !algorithms.contains(algorithm)) {
            throw new CryptoException(NAME + " does not offer " + algorithm.label() + " as " + type);
        }
        return algorithm;
    }
}
