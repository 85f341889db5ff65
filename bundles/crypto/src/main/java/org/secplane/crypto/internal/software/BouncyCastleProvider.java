package org.secplane.crypto.internal.software;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;
import java.util.jar.Manifest;
import org.bouncycastle.math.ec.rfc7748.X25519;
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
 * Bouncy Castle's lightweight API for what it does fast on JDK 17 (perf-baselines.md): ECDH and ECDSA
 * on the NIST curves (4-5 times SunEC: P-256 agreement 4.2-4.6k/s against 0.9k/s, ECDSA sign
 * 9-10k/s against 1.4-1.7k/s), Curve25519, and DSA and RSA as alternatives that the ranking may pick
 * where they measure faster.
 *
 * <p>Deliberately <em>not</em> offered: Bouncy Castle's symmetric ciphers, MACs and digests. They are
 * pure Java without the JDK's AES-NI/VAES, GHASH and SHA intrinsics and measure about 20 times
 * slower than SunJCE for AES-GCM (80-100 MB/s against 1.76 GB/s) and 6-10 times slower for CBC and
 * HMAC; they would only ever lose the ranking while costing known-answer tests and measurements at
 * every start. Nor its MODP Diffie-Hellman: 1.86 blinds the exponent to full length, about 9 times
 * slower than SunJCE with a 224-bit exponent. Nor random numbers: the JDK's DRBG serves.
 */
public final class BouncyCastleProvider implements CryptoProvider {

    public static final String NAME = "bouncycastle";

    private static final Set<Algorithm> ALGORITHMS = Collections.unmodifiableSet(EnumSet.of(Algorithm.ECP_256,
            Algorithm.ECP_384, Algorithm.ECP_521, Algorithm.CURVE25519, Algorithm.ECDSA_P256_SHA256,
            Algorithm.ECDSA_P384_SHA384, Algorithm.DSA_SHA1, Algorithm.DSA_SHA256, Algorithm.RSA_PKCS1_SHA1,
            Algorithm.RSA_PKCS1_SHA256, Algorithm.RSA_PKCS1_SHA384, Algorithm.RSA_PKCS1_SHA512, Algorithm.RSA_PSS_SHA256,
            Algorithm.RSA_PSS_SHA384, Algorithm.RSA_PSS_SHA512));

    private final SecureRandom random;
    private final String version;

    public BouncyCastleProvider() {
        this(bundleVersion());
    }

    /** {@code version}: Bouncy Castle's version as the runtime knows it (the bundle version under OSGi). */
    public BouncyCastleProvider(String version) {
        this.version = version;
        try {
            this.random = SecureRandom.getInstance("DRBG", JcaProvider.SUN);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("the JDK's DRBG is not available", e);
        }
    }

    /** Bouncy Castle's version from the bcprov manifest, found through its own class loader. */
    static String bundleVersion() {
        try {
            ClassLoader loader = X25519.class.getClassLoader();
            Enumeration<URL> manifests = loader == null ? null : loader.getResources("META-INF/MANIFEST.MF");
            while (manifests != null && manifests.hasMoreElements()) {
                try (InputStream in = manifests.nextElement().openStream()) {
                    Manifest manifest = new Manifest(in);
                    String name = manifest.getMainAttributes().getValue("Bundle-SymbolicName");
                    if (name != null && name.split(";")[0].trim().equals("bcprov")) {
                        return manifest.getMainAttributes().getValue("Bundle-Version");
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return "(version unknown)";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String driver() {
        return "Bouncy Castle " + version + " lightweight API";
    }

    @Override
    public Set<Algorithm> algorithms() {
        return ALGORITHMS;
    }

    @Override
    public Cipher cipher(Algorithm algorithm, byte[] key) {
        throw notOffered(algorithm);
    }

    @Override
    public Aead aead(Algorithm algorithm, byte[] keyAndSalt) {
        throw notOffered(algorithm);
    }

    @Override
    public Mac mac(Algorithm algorithm, byte[] key) {
        throw notOffered(algorithm);
    }

    @Override
    public Prf prf(Algorithm algorithm) {
        throw notOffered(algorithm);
    }

    @Override
    public Hash hash(Algorithm algorithm) {
        throw notOffered(algorithm);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm) {
        claim(algorithm, AlgorithmType.KEY_EXCHANGE);
        return algorithm == Algorithm.CURVE25519 ? BcX25519Exchange.generate(random) : BcEcdhExchange.generate(algorithm, random);
    }

    @Override
    public ProviderKeyExchange keyExchange(Algorithm algorithm, byte[] privateValue) {
        claim(algorithm, AlgorithmType.KEY_EXCHANGE);
        return algorithm == Algorithm.CURVE25519 ? BcX25519Exchange.fromPrivate(privateValue)
                : BcEcdhExchange.fromPrivate(algorithm, privateValue);
    }

    @Override
    public Signer signer(Algorithm algorithm, PrivateKey key) {
        return BcSignatures.signer(claim(algorithm, AlgorithmType.SIGNATURE), key, random);
    }

    @Override
    public boolean verify(Algorithm algorithm, PublicKey key, byte[] data, byte[] signature) {
        return BcSignatures.verify(claim(algorithm, AlgorithmType.SIGNATURE), key, data, signature);
    }

    @Override
    public void random(byte[] bytes) {
        throw notOffered(Algorithm.RANDOM);
    }

    private Algorithm claim(Algorithm algorithm, AlgorithmType type) {
        if (algorithm.type() != type || !ALGORITHMS.contains(algorithm)) {
            throw notOffered(algorithm);
        }
        return algorithm;
    }

    private static CryptoException notOffered(Algorithm algorithm) {
        return new CryptoException(NAME + " does not offer " + algorithm.label());
    }
}
