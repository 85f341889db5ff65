package org.secplane.driver.openssl.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.secplane.driver.openssl.internal.Fixtures.hex;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import java.util.Arrays;
import java.util.stream.Stream;
import javax.crypto.KeyAgreement;
import javax.crypto.interfaces.DHPublicKey;
import javax.crypto.spec.DHParameterSpec;
import javax.crypto.spec.DHPublicKeySpec;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.crypto.spi.ModpGroup;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.AlgorithmType;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.CryptoProvider;
import org.secplane.crypto.spi.ProviderKeyExchange;

/**
 * Every key exchange against the JDK in both directions (our public value into a JDK agreement, the
 * JDK's into ours), the IKE encodings, private value export and import, and rejection of bad peers.
 */
class KeyExchangeCrossCheckTest {

    private final CryptoProvider provider = Fixtures.provider();

    static Stream<Algorithm> groups() {
        return Algorithm.ofType(AlgorithmType.KEY_EXCHANGE).stream();
    }

    static Stream<Algorithm> modpGroups() {
        return groups().filter(a -> a.label().startsWith("modp"));
    }

    // ---- the JDK side, in IKE encodings

    private static final class JdkParty {
        final Algorithm algorithm;
        final KeyPair pair;
        final KeyFactory factory;

        JdkParty(Algorithm algorithm) throws Exception {
            this.algorithm = algorithm;
            KeyPairGenerator generator;
            if (algorithm.label().startsWith("modp")) {
                generator = KeyPairGenerator.getInstance("DH");
                ModpGroup group = ModpGroup.of(algorithm);
                generator.initialize(new DHParameterSpec(group.prime(), BigInteger.TWO, group.exponentBits()));
                factory = KeyFactory.getInstance("DH");
            } else if (algorithm == Algorithm.CURVE25519) {
                generator = KeyPairGenerator.getInstance("X25519");
                factory = KeyFactory.getInstance("X25519");
            } else {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec(curve(algorithm)));
                factory = KeyFactory.getInstance("EC");
            }
            pair = generator.generateKeyPair();
        }

        byte[] publicValue() {
            int size = algorithm.publicValueSize();
            if (pair.getPublic() instanceof DHPublicKey) {
                return Bytes.unsigned(((DHPublicKey) pair.getPublic()).getY(), size);
            }
            if (pair.getPublic() instanceof XECPublicKey) {
                return reverse(Bytes.unsigned(((XECPublicKey) pair.getPublic()).getU(), 32));
            }
            ECPoint w = ((ECPublicKey) pair.getPublic()).getW();
            return Fixtures.concat(Bytes.unsigned(w.getAffineX(), size / 2), Bytes.unsigned(w.getAffineY(), size / 2));
        }

        byte[] sharedSecret(byte[] peer) throws Exception {
            PublicKey peerKey;
            String agreement;
            if (pair.getPublic() instanceof DHPublicKey) {
                DHParameterSpec params = ((DHPublicKey) pair.getPublic()).getParams();
                peerKey = factory.generatePublic(new DHPublicKeySpec(new BigInteger(1, peer), params.getP(), params.getG()));
                agreement = "DH";
            } else if (pair.getPublic() instanceof XECPublicKey) {
                byte[] u = reverse(peer);
                u[0] &= 0x7f; // RFC 7748: the top bit is masked
                peerKey = factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, new BigInteger(1, u)));
                agreement = "X25519";
            } else {
                ECParameterSpec params = ((ECPublicKey) pair.getPublic()).getParams();
                int half = peer.length / 2;
                ECPoint point = new ECPoint(new BigInteger(1, Arrays.copyOf(peer, half)),
                        new BigInteger(1, Arrays.copyOfRange(peer, half, peer.length)));
                peerKey = factory.generatePublic(new ECPublicKeySpec(point, params));
                agreement = "ECDH";
            }
            KeyAgreement ka = KeyAgreement.getInstance(agreement);
            ka.init(pair.getPrivate());
            ka.doPhase(peerKey, true);
            return Bytes.unsigned(new BigInteger(1, ka.generateSecret()), algorithm.outputSize());
        }
    }

    static String curve(Algorithm algorithm) {
        switch (algorithm) {
            case ECP_256: return "secp256r1";
            case ECP_384: return "secp384r1";
            default: return "secp521r1";
        }
    }

    static byte[] reverse(byte[] bytes) {
        byte[] out = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            out[i] = bytes[bytes.length - 1 - i];
        }
        return out;
    }

    // ---- tests

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void sharedSecretAgreesWithTheJdkInBothDirections(Algorithm algorithm) throws Exception {
        for (int round = 0; round < 3; round++) {
            JdkParty jdk = new JdkParty(algorithm);
            try (ProviderKeyExchange ours = provider.keyExchange(algorithm)) {
                byte[] ourPublic = ours.publicValue();
                assertEquals(algorithm.publicValueSize(), ourPublic.length, "IKE public value length");
                byte[] jdkSide = jdk.sharedSecret(ourPublic);
                byte[] ourSide = ours.sharedSecret(jdk.publicValue());
                assertEquals(algorithm.outputSize(), ourSide.length, "shared secret length");
                assertArrayEquals(jdkSide, ourSide);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("groups")
    void anExportedPrivateValueContinuesTheSameExchange(Algorithm algorithm) throws Exception {
        JdkParty peer = new JdkParty(algorithm);
        try (ProviderKeyExchange original = provider.keyExchange(algorithm);
                ProviderKeyExchange resumed = provider.keyExchange(algorithm, original.privateValue())) {
            assertArrayEquals(original.publicValue(), resumed.publicValue());
            assertArrayEquals(original.sharedSecret(peer.publicValue()), resumed.sharedSecret(peer.publicValue()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modpGroups")
    void modpUsesTheExplicitShortExponent(Algorithm algorithm) {
        ModpGroup group = ModpGroup.of(algorithm);
        int longest = 0;
        for (int i = 0; i < 6; i++) {
            try (ProviderKeyExchange exchange = provider.keyExchange(algorithm)) {
                int bits = new BigInteger(1, exchange.privateValue()).bitLength();
                assertTrue(bits <= group.exponentBits(), bits + " bits > " + group.exponentBits());
                longest = Math.max(longest, bits);
            }
        }
        assertTrue(longest >= group.exponentBits() - 8, "exponents are about " + group.exponentBits() + " bits: " + longest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modpGroups")
    void modpPrimesAreTheRfcPrimesAsBouncyCastleHasThem(Algorithm algorithm) {
        DHParameters expected;
        switch (algorithm) {
            case MODP_768: expected = DHStandardGroups.rfc2409_768; break;
            case MODP_1024: expected = DHStandardGroups.rfc2409_1024; break;
            case MODP_1536: expected = DHStandardGroups.rfc3526_1536; break;
            case MODP_2048: expected = DHStandardGroups.rfc3526_2048; break;
            case MODP_3072: expected = DHStandardGroups.rfc3526_3072; break;
            default: expected = DHStandardGroups.rfc3526_4096; break;
        }
        assertEquals(expected.getP(), ModpGroup.of(algorithm).prime());
        assertEquals(BigInteger.TWO, expected.getG());
        assertEquals(algorithm.publicValueSize(), ModpGroup.of(algorithm).length());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modpGroups")
    void modpRejectsPeerValuesOutsideTwoToPMinusTwo(Algorithm algorithm) {
        BigInteger p = ModpGroup.of(algorithm).prime();
        int length = algorithm.publicValueSize();
        try (ProviderKeyExchange exchange = provider.keyExchange(algorithm)) {
            for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                    p.add(BigInteger.ONE)}) {
                assertThrows(CryptoException.class, () -> exchange.sharedSecret(Bytes.unsigned(bad, length)), bad.toString(16));
            }
            byte[] allOnes = new byte[length];
            Arrays.fill(allOnes, (byte) 0xff);
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(allOnes));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(new byte[length - 1]));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(new byte[length + 1]));
            // the smallest and largest valid values still work after the rejections
            assertEquals(length, exchange.sharedSecret(Bytes.unsigned(BigInteger.TWO, length)).length);
            assertEquals(length, exchange.sharedSecret(Bytes.unsigned(p.subtract(BigInteger.TWO), length)).length);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Algorithm.class, names = {"ECP_256", "ECP_384", "ECP_521"})
    void ecpRejectsPointsNotOnTheCurve(Algorithm algorithm) throws Exception {
        int length = algorithm.publicValueSize();
        byte[] valid = new JdkParty(algorithm).publicValue();
        try (ProviderKeyExchange exchange = provider.keyExchange(algorithm)) {
            byte[] offCurve = valid.clone();
            offCurve[length - 1] ^= 1; // y + 1 (or - 1): no longer on the curve
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(offCurve));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(new byte[length]), "(0, 0)");
            byte[] huge = new byte[length];
            Arrays.fill(huge, (byte) 0xff);
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(huge), "coordinates >= p");
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(Arrays.copyOf(valid, length - 1)));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(Fixtures.concat(new byte[] {4}, valid)),
                    "the 04 prefix is not part of the IKE encoding");
            assertEquals(algorithm.outputSize(), exchange.sharedSecret(valid).length, "still usable");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "0000000000000000000000000000000000000000000000000000000000000000", // 0
        "0100000000000000000000000000000000000000000000000000000000000000", // 1
        "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800", // order 8
        "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157", // order 8
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p - 1
        "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p
        "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // p + 1
    })
    void curve25519RejectsLowOrderPointsThatGiveAnAllZeroSecret(String point) {
        try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.CURVE25519)) {
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(hex(point)));
        }
    }

    @Test
    void curve25519RejectsWrongLengths() {
        try (ProviderKeyExchange exchange = provider.keyExchange(Algorithm.CURVE25519)) {
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(new byte[31]));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(new byte[33]));
            assertThrows(CryptoException.class, () -> exchange.sharedSecret(null));
        }
    }

    @Test
    void closedExchangeForgetsItsKey() {
        ProviderKeyExchange exchange = provider.keyExchange(Algorithm.ECP_256);
        exchange.close();
        assertThrows(IllegalStateException.class, exchange::privateValue);
        assertThrows(IllegalStateException.class, exchange::publicValue);
    }

    @Test
    void invalidImportedPrivateValuesAreRefused() {
        assertThrows(CryptoException.class, () -> provider.keyExchange(Algorithm.ECP_256, new byte[32]));
        byte[] order = hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");
        assertThrows(CryptoException.class, () -> provider.keyExchange(Algorithm.ECP_256, order));
        assertThrows(CryptoException.class, () -> provider.keyExchange(Algorithm.MODP_2048, new byte[] {1}));
        assertThrows(CryptoException.class, () -> provider.keyExchange(Algorithm.CURVE25519, new byte[31]));
    }
}
