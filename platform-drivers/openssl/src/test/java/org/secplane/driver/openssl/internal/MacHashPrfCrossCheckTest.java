package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.driver.openssl.internal.Fixtures.random;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.Mac;
import org.secplane.crypto.spi.CryptoProvider;

/** HMACs, PRFs and hashes against the JDK on random keys and messages. */
class MacHashPrfCrossCheckTest {

    private final CryptoProvider provider = Fixtures.provider();

    static Stream<Algorithm> integrity() {
        return Algorithm.ofType(AlgorithmType.INTEGRITY).stream();
    }

    static Stream<Algorithm> prfs() {
        return Algorithm.ofType(AlgorithmType.PRF).stream();
    }

    static Stream<Algorithm> hashes() {
        return Algorithm.ofType(AlgorithmType.HASH).stream();
    }

    private static String jdkName(Algorithm algorithm) {
        switch (OpenSslProvider.digestName(algorithm)) {
            case "MD5": return "MD5";
            case "SHA1": return "SHA1";
            case "SHA2-256": return "SHA256";
            case "SHA2-384": return "SHA384";
            default: return "SHA512";
        }
    }

    private static org.bouncycastle.crypto.Digest bcDigest(Algorithm algorithm) {
        switch (OpenSslProvider.digestName(algorithm)) {
            case "MD5": return new org.bouncycastle.crypto.digests.MD5Digest();
            case "SHA1": return new org.bouncycastle.crypto.digests.SHA1Digest();
            case "SHA2-256": return new org.bouncycastle.crypto.digests.SHA256Digest();
            case "SHA2-384": return new org.bouncycastle.crypto.digests.SHA384Digest();
            default: return new org.bouncycastle.crypto.digests.SHA512Digest();
        }
    }

    private static byte[] jdkHmac(Algorithm algorithm, byte[] key, byte[] data) throws Exception {
        if (key.length == 0) {
            // SecretKeySpec refuses an empty key: use Bouncy Castle's lightweight HMAC for this case
            org.bouncycastle.crypto.macs.HMac hmac = new org.bouncycastle.crypto.macs.HMac(bcDigest(algorithm));
            hmac.init(new org.bouncycastle.crypto.params.KeyParameter(key));
            hmac.update(data, 0, data.length);
            byte[] out = new byte[hmac.getMacSize()];
            hmac.doFinal(out, 0);
            return out;
        }
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("Hmac" + jdkName(algorithm));
        mac.init(new SecretKeySpec(key, "HMAC"));
        return mac.doFinal(data);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("integrity")
    void integrityMacIsTheTruncatedJdkHmac(Algorithm algorithm) throws Exception {
        for (int keyLength : new int[] {algorithm.keySize(), 4, 200}) {
            byte[] key = random(keyLength);
            try (Mac mac = provider.mac(algorithm, key)) {
                for (int size : new int[] {0, 1, 64, 1400, 70000}) {
                    byte[] data = random(size);
                    byte[] expected = Arrays.copyOf(jdkHmac(algorithm, key, data), algorithm.outputSize());
                    mac.update(data, 0, size / 3);
                    mac.update(data, size / 3, size - size / 3);
                    byte[] out = new byte[algorithm.outputSize() + 2];
                    mac.finish(out, 2);
                    assertArrayEquals(expected, Arrays.copyOfRange(out, 2, out.length), algorithm + " " + size);

                    mac.update(data, 0, size);
                    assertTrue(mac.verify(Fixtures.concat(new byte[1], expected), 1));
                    byte[] wrong = expected.clone();
                    wrong[wrong.length - 1] ^= 1;
                    mac.update(data, 0, size);
                    assertFalse(mac.verify(wrong, 0));
                    mac.update(data, 0, size);
                    assertFalse(mac.verify(new byte[3], 0), "too short to compare");
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("prfs")
    void prfIsTheJdkHmacOfTheConcatenation(Algorithm algorithm) throws Exception {
        for (int keyLength : new int[] {0, 16, algorithm.keySize(), 300}) {
            byte[] key = random(keyLength);
            byte[] a = random(17);
            byte[] b = random(0);
            byte[] c = random(1000);
            assertArrayEquals(jdkHmac(algorithm, key, Fixtures.concat(a, b, c)),
                    provider.prf(algorithm).compute(key, a, b, c));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hashes")
    void hashIsTheJdkDigestOfTheConcatenation(Algorithm algorithm) throws Exception {
        MessageDigest jdk = MessageDigest.getInstance(jdkName(algorithm).replace("SHA", "SHA-"));
        for (int size : new int[] {0, 3, 64, 100000}) {
            byte[] a = random(size);
            byte[] b = random(size / 2);
            assertArrayEquals(jdk.digest(Fixtures.concat(a, b)), provider.hash(algorithm).digest(a, b));
        }
    }

    @Test
    void randomFillsWithFreshBytes() {
        byte[] first = new byte[100_000];
        byte[] second = new byte[100_000];
        provider.random(first);
        provider.random(second);
        assertNotEquals(Arrays.toString(first), Arrays.toString(second));
        int ones = 0;
        for (byte b : first) {
            ones += Integer.bitCount(b & 0xff);
        }
        assertTrue(Math.abs(ones - 400_000) < 5_000, "about half the bits set: " + ones);
        provider.random(new byte[0]);
    }
}
