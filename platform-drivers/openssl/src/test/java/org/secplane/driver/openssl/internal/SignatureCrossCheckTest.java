package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.driver.openssl.internal.Fixtures.random;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.Signer;
import org.secplane.crypto.spi.CryptoProvider;

/**
 * Every signature algorithm against the JDK: keys made by the JDK (PKCS#8 private, SubjectPublicKeyInfo
 * public, as the key store hands them over), signed by one side and verified by the other.
 */
class SignatureCrossCheckTest {

    private static final Map<Algorithm, KeyPair> KEYS = new EnumMap<>(Algorithm.class);
    private final CryptoProvider provider = Fixtures.provider();

    static Stream<Algorithm> signatures() {
        return Algorithm.ofType(AlgorithmType.SIGNATURE).stream();
    }

    static synchronized KeyPair keys(Algorithm algorithm) throws Exception {
        KeyPair pair = KEYS.get(algorithm);
        if (pair == null) {
            KeyPairGenerator generator;
            if (algorithm.label().startsWith("rsa")) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            } else if (algorithm == Algorithm.DSA_SHA1) {
                generator = KeyPairGenerator.getInstance("DSA");
                generator.initialize(1024); // the JDK signs SHA-1 only with a 160-bit q
            } else if (algorithm == Algorithm.DSA_SHA256) {
                generator = KeyPairGenerator.getInstance("DSA");
                generator.initialize(2048);
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(algorithm == Algorithm.ECDSA_P256_SHA256 ? "secp256r1" : "secp384r1"));
            }
            pair = generator.generateKeyPair();
            KEYS.put(algorithm, pair);
        }
        return pair;
    }

    static Signature jdk(Algorithm algorithm) throws Exception {
        switch (algorithm) {
            case RSA_PKCS1_SHA1: return Signature.getInstance("SHA1withRSA");
            case RSA_PKCS1_SHA256: return Signature.getInstance("SHA256withRSA");
            case RSA_PKCS1_SHA384: return Signature.getInstance("SHA384withRSA");
            case RSA_PKCS1_SHA512: return Signature.getInstance("SHA512withRSA");
            case RSA_PSS_SHA256: return pss("SHA-256", MGF1ParameterSpec.SHA256, 32);
            case RSA_PSS_SHA384: return pss("SHA-384", MGF1ParameterSpec.SHA384, 48);
            case RSA_PSS_SHA512: return pss("SHA-512", MGF1ParameterSpec.SHA512, 64);
            case DSA_SHA1: return Signature.getInstance("SHA1withDSA");
            case DSA_SHA256: return Signature.getInstance("SHA256withDSA");
            case ECDSA_P256_SHA256: return Signature.getInstance("SHA256withECDSA");
            default: return Signature.getInstance("SHA384withECDSA");
        }
    }

    private static Signature pss(String digest, MGF1ParameterSpec mgf, int salt) throws Exception {
        Signature signature = Signature.getInstance("RSASSA-PSS");
        signature.setParameter(new PSSParameterSpec(digest, "MGF1", mgf, salt, 1));
        return signature;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signatures")
    void ourSignaturesVerifyInTheJdkAndTheJdksInOurs(Algorithm algorithm) throws Exception {
        KeyPair pair = keys(algorithm);
        Signer signer = provider.signer(algorithm, pair.getPrivate());
        assertEquals(algorithm, signer.algorithm());
        for (int size : new int[] {0, 1, 64, 5000}) {
            byte[] data = random(size);
            byte[] ours = signer.sign(data);
            Signature verifier = jdk(algorithm);
            verifier.initVerify(pair.getPublic());
            verifier.update(data);
            assertTrue(verifier.verify(ours), algorithm + " signature of " + size + " bytes verifies in the JDK");

            Signature jdkSigner = jdk(algorithm);
            jdkSigner.initSign(pair.getPrivate());
            jdkSigner.update(data);
            byte[] theirs = jdkSigner.sign();
            assertTrue(provider.verify(algorithm, pair.getPublic(), data, theirs), "JDK signature verifies here");
            assertTrue(provider.verify(algorithm, pair.getPublic(), data, ours), "our own verifies here");

            byte[] otherData = Fixtures.concat(data, new byte[] {1});
            assertFalse(provider.verify(algorithm, pair.getPublic(), otherData, theirs), "other message");
            byte[] tampered = theirs.clone();
            tampered[tampered.length / 2] ^= 0x04;
            assertFalse(provider.verify(algorithm, pair.getPublic(), data, tampered), "tampered signature");
            assertFalse(provider.verify(algorithm, pair.getPublic(), data, new byte[0]), "empty signature");
            assertFalse(provider.verify(algorithm, pair.getPublic(), data, random(7)), "garbage signature");
        }
        ((AutoCloseable) signer).close();
        assertThrows(IllegalStateException.class, () -> signer.sign(new byte[1]));
    }

    @Test
    void pssAcceptsKeysOfTheRsassaPssType() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSASSA-PSS");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        byte[] data = random(100);
        byte[] signature = provider.signer(Algorithm.RSA_PSS_SHA256, pair.getPrivate()).sign(data);
        Signature verifier = jdk(Algorithm.RSA_PSS_SHA256);
        verifier.initVerify(pair.getPublic());
        verifier.update(data);
        assertTrue(verifier.verify(signature));
        assertTrue(provider.verify(Algorithm.RSA_PSS_SHA256, pair.getPublic(), data, signature));
    }

    @Test
    void keysOfTheWrongTypeOrCurveAreRefused() throws Exception {
        KeyPair rsa = keys(Algorithm.RSA_PKCS1_SHA256);
        KeyPair p384 = keys(Algorithm.ECDSA_P384_SHA384);
        KeyPair dsa = keys(Algorithm.DSA_SHA256);
        assertThrows(CryptoException.class, () -> provider.signer(Algorithm.ECDSA_P256_SHA256, rsa.getPrivate()));
        assertThrows(CryptoException.class, () -> provider.signer(Algorithm.ECDSA_P256_SHA256, p384.getPrivate()));
        assertThrows(CryptoException.class, () -> provider.signer(Algorithm.RSA_PKCS1_SHA256, dsa.getPrivate()));
        assertThrows(CryptoException.class, () -> provider.signer(Algorithm.DSA_SHA256, p384.getPrivate()));
        assertThrows(CryptoException.class,
                () -> provider.verify(Algorithm.ECDSA_P256_SHA256, p384.getPublic(), new byte[1], new byte[64]));
        assertThrows(CryptoException.class,
                () -> provider.verify(Algorithm.RSA_PSS_SHA256, dsa.getPublic(), new byte[1], new byte[64]));
    }

    @Test
    void verificationKeepsWorkingAcrossMoreKeysThanItCaches() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        byte[] data = random(32);
        List<KeyPair> pairs = new ArrayList<>();
        List<byte[]> signatures = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            KeyPair pair = generator.generateKeyPair();
            pairs.add(pair);
            signatures.add(provider.signer(Algorithm.ECDSA_P256_SHA256, pair.getPrivate()).sign(data));
        }
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < pairs.size(); i++) {
                assertTrue(provider.verify(Algorithm.ECDSA_P256_SHA256, pairs.get(i).getPublic(), data, signatures.get(i)));
                assertFalse(provider.verify(Algorithm.ECDSA_P256_SHA256, pairs.get((i + 1) % pairs.size()).getPublic(), data,
                        signatures.get(i)), "another key");
            }
            System.gc(); // evicted keys are freed by the cleaner meanwhile
        }
    }

    @Test
    void oneSignerSignsFromManyThreadsAtOnce() throws Exception {
        KeyPair pair = keys(Algorithm.ECDSA_P256_SHA256);
        Signer signer = provider.signer(Algorithm.ECDSA_P256_SHA256, pair.getPrivate());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        byte[] data = random(40);
                        if (!provider.verify(Algorithm.ECDSA_P256_SHA256, pair.getPublic(), data, signer.sign(data))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdown();
        }
    }
}
