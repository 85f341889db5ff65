package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.driver.openssl.internal.Fixtures.random;

import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Aead;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Cipher;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.CryptoProvider;

/** Every cipher and AEAD against the JDK (SunJCE) on random keys, IVs and packets, in both directions. */
class SymmetricCrossCheckTest {

    private final CryptoProvider provider = Fixtures.provider();

    static Stream<Algorithm> ciphers() {
        return Algorithm.ofType(AlgorithmType.CIPHER).stream();
    }

    static Stream<Algorithm> aeads() {
        return Algorithm.ofType(AlgorithmType.AEAD).stream();
    }

    /** Packet sizes: tiny, ESP-typical, and one past the initial buffer so that it has to grow. */
    private static int[] sizes(int block) {
        int[] sizes = {block, 64, 1408, 4096 + block, 70000};
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] = sizes[i] / block * block;
        }
        return sizes;
    }

    @Test
    void claimsEveryAlgorithmOfTheApiOnThisMachine() {
        assertEquals(Arrays.asList(Algorithm.values()), provider.algorithms().stream().sorted().toList(),
                "libcrypto 3.0.19 with the legacy provider offers all of them");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void cipherEncryptsAndDecryptsLikeTheJdk(Algorithm algorithm) throws Exception {
        byte[] key = random(algorithm.keySize() + algorithm.saltSize());
        try (Cipher cipher = provider.cipher(algorithm, key)) {
            for (int size : sizes(algorithm.blockSize())) {
                byte[] iv = random(algorithm.ivSize());
                byte[] plaintext = random(size);
                byte[] ours = new byte[size + 3];
                cipher.encrypt(iv, 0, plaintext, 0, size, ours, 3);
                byte[] jdk = jdk(algorithm, javax.crypto.Cipher.ENCRYPT_MODE, key, iv).doFinal(plaintext);
                assertArrayEquals(jdk, Arrays.copyOfRange(ours, 3, size + 3), algorithm + " " + size + " bytes");

                byte[] otherIv = random(algorithm.ivSize());
                byte[] jdkCiphertext = jdk(algorithm, javax.crypto.Cipher.ENCRYPT_MODE, key, otherIv).doFinal(plaintext);
                byte[] inPlace = Fixtures.concat(new byte[5], jdkCiphertext);
                byte[] ivAtOffset = Fixtures.concat(new byte[2], otherIv);
                cipher.decrypt(ivAtOffset, 2, inPlace, 5, size, inPlace, 5);
                assertArrayEquals(plaintext, Arrays.copyOfRange(inPlace, 5, size + 5), algorithm + " in place");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ciphers")
    void cipherRejectsAKeyOfTheWrongLength(Algorithm algorithm) {
        assertThrows(CryptoException.class,
                () -> provider.cipher(algorithm, new byte[algorithm.keySize() + algorithm.saltSize() + 1]));
    }

    @Test
    void cbcRejectsAPartialBlock() {
        try (Cipher cipher = provider.cipher(Algorithm.AES_128_CBC, random(16))) {
            assertThrows(IllegalArgumentException.class,
                    () -> cipher.encrypt(new byte[16], 0, new byte[20], 0, 20, new byte[20], 0));
        }
    }

    private static javax.crypto.Cipher jdk(Algorithm algorithm, int mode, byte[] key, byte[] iv) throws Exception {
        String name;
        String keyAlgorithm;
        byte[] counterBlock = iv;
        switch (algorithm) {
            case DES_CBC: name = "DES/CBC/NoPadding"; keyAlgorithm = "DES"; break;
            case TDES_CBC: name = "DESede/CBC/NoPadding"; keyAlgorithm = "DESede"; break;
            case AES_128_CTR: case AES_192_CTR: case AES_256_CTR:
                name = "AES/CTR/NoPadding";
                keyAlgorithm = "AES";
                // RFC 3686: nonce || IV || 00000001
                counterBlock = Fixtures.concat(Arrays.copyOfRange(key, algorithm.keySize(), key.length), iv,
                        new byte[] {0, 0, 0, 1});
                break;
            default: name = "AES/CBC/NoPadding"; keyAlgorithm = "AES"; break;
        }
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(name);
        cipher.init(mode, new SecretKeySpec(key, 0, algorithm.keySize(), keyAlgorithm), new IvParameterSpec(counterBlock));
        return cipher;
    }

    private static javax.crypto.Cipher jdkAead(Algorithm algorithm, int mode, byte[] keyAndSalt, byte[] iv)
            throws Exception {
        byte[] nonce = Fixtures.concat(Arrays.copyOfRange(keyAndSalt, algorithm.keySize(), keyAndSalt.length), iv);
        if (algorithm == Algorithm.CHACHA20_POLY1305) {
            javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance("ChaCha20-Poly1305");
            cipher.init(mode, new SecretKeySpec(keyAndSalt, 0, 32, "ChaCha20"), new IvParameterSpec(nonce));
            return cipher;
        }
        // SunJCE has no 64-bit GCM tags: those go to Bouncy Castle's provider
        javax.crypto.Cipher cipher = algorithm.outputSize() < 12
                ? javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", new org.bouncycastle.jce.provider.BouncyCastleProvider())
                : javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(keyAndSalt, 0, algorithm.keySize(), "AES"),
                new GCMParameterSpec(algorithm.outputSize() * 8, nonce));
        return cipher;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aeads")
    void aeadSealsAndOpensLikeTheJdk(Algorithm algorithm) throws Exception {
        byte[] keyAndSalt = random(algorithm.keySize() + 4);
        int icv = algorithm.outputSize();
        try (Aead aead = provider.aead(algorithm, keyAndSalt)) {
            for (int size : new int[] {0, 1, 64, 1400, 5000, 70000}) {
                for (int aadLength : new int[] {0, 8, 12, 100}) {
                    byte[] iv = random(8);
                    byte[] aad = random(aadLength);
                    byte[] plaintext = random(size);
                    byte[] sealed = new byte[size + icv + 1];
                    assertEquals(size + icv, aead.seal(iv, 0, aad, 0, aadLength, plaintext, 0, size, sealed, 1));
                    javax.crypto.Cipher jdk = jdkAead(algorithm, javax.crypto.Cipher.DECRYPT_MODE, keyAndSalt, iv);
                    jdk.updateAAD(aad);
                    assertArrayEquals(plaintext, jdk.doFinal(sealed, 1, size + icv), algorithm + " " + size);

                    byte[] otherIv = random(8);
                    javax.crypto.Cipher jdkSeal = jdkAead(algorithm, javax.crypto.Cipher.ENCRYPT_MODE, keyAndSalt, otherIv);
                    jdkSeal.updateAAD(aad);
                    byte[] jdkSealed = jdkSeal.doFinal(plaintext);
                    byte[] buffer = Fixtures.concat(new byte[7], jdkSealed);
                    assertEquals(size, aead.open(otherIv, 0, aad, 0, aadLength, buffer, 7, jdkSealed.length, buffer, 7));
                    assertArrayEquals(plaintext, Arrays.copyOfRange(buffer, 7, 7 + size), algorithm + " in place");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("aeads")
    void aeadOpenReturnsMinusOneForAnyFlippedBitAndThenStillWorks(Algorithm algorithm) {
        byte[] keyAndSalt = random(algorithm.keySize() + 4);
        int icv = algorithm.outputSize();
        try (Aead aead = provider.aead(algorithm, keyAndSalt)) {
            byte[] iv = random(8);
            byte[] aad = random(8);
            byte[] plaintext = random(100);
            byte[] sealed = new byte[100 + icv];
            aead.seal(iv, 0, aad, 0, 8, plaintext, 0, 100, sealed, 0);
            byte[] out = new byte[100];
            for (int bit : new int[] {0, 7, 8 * 57 + 3, 8 * 99 + 7, 8 * 100, 8 * (100 + icv) - 1}) {
                byte[] tampered = sealed.clone();
                tampered[bit / 8] ^= (byte) (1 << (bit % 8));
                assertEquals(-1, aead.open(iv, 0, aad, 0, 8, tampered, 0, tampered.length, out, 0),
                        (bit < 800 ? "ciphertext" : "tag") + " bit " + bit);
            }
            byte[] otherAad = aad.clone();
            otherAad[3] ^= 0x10;
            assertEquals(-1, aead.open(iv, 0, otherAad, 0, 8, sealed, 0, sealed.length, out, 0), "aad bit");
            byte[] otherIv = iv.clone();
            otherIv[7] ^= 1;
            assertEquals(-1, aead.open(otherIv, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0), "iv bit");
            assertEquals(-1, aead.open(iv, 0, aad, 0, 8, sealed, 0, icv - 1, out, 0), "shorter than the ICV");
            assertEquals(100, aead.open(iv, 0, aad, 0, 8, sealed, 0, sealed.length, out, 0), "intact packet");
            assertArrayEquals(plaintext, out);
        }
    }

    @Test
    void aeadDirectionsAreIndependentOfEachOther() {
        // seal and open interleaved on one object (one SA direction is used both ways in tests and loopback)
        byte[] keyAndSalt = random(20);
        try (Aead aead = provider.aead(Algorithm.AES_128_GCM_16, keyAndSalt)) {
            byte[] iv = random(8);
            byte[] sealed = new byte[32];
            aead.seal(iv, 0, new byte[0], 0, 0, new byte[16], 0, 16, sealed, 0);
            byte[] sealed2 = new byte[32];
            aead.seal(iv, 0, new byte[0], 0, 0, new byte[16], 0, 16, sealed2, 0);
            assertArrayEquals(sealed, sealed2, "deterministic for the same nonce");
            assertTrue(aead.open(iv, 0, new byte[0], 0, 0, sealed, 0, 32, new byte[16], 0) == 16);
        }
    }

    @Test
    void closedObjectsRefuseWork() {
        Aead aead = provider.aead(Algorithm.AES_256_GCM_16, random(36));
        aead.close();
        aead.close(); // idempotent
        assertThrows(IllegalStateException.class,
                () -> aead.seal(new byte[8], 0, new byte[0], 0, 0, new byte[1], 0, 1, new byte[17], 0));
    }
}
