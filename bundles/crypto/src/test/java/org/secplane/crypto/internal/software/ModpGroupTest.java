package org.secplane.crypto.internal.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.crypto.params.DHParameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.CryptoException;
import org.secplane.crypto.spi.ModpGroup;
import org.secplane.crypto.spi.ProviderKeyExchange;

/** The MODP groups against an independent copy of RFC 2409/3526, and the exponent length actually used. */
class ModpGroupTest {

    private static final Map<Algorithm, DHParameters> BOUNCY_CASTLE = Map.of(Algorithm.MODP_768, DHStandardGroups.rfc2409_768,
            Algorithm.MODP_1024, DHStandardGroups.rfc2409_1024, Algorithm.MODP_1536, DHStandardGroups.rfc3526_1536,
            Algorithm.MODP_2048, DHStandardGroups.rfc3526_2048, Algorithm.MODP_3072, DHStandardGroups.rfc3526_3072,
            Algorithm.MODP_4096, DHStandardGroups.rfc3526_4096);

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = "MODP_.*", mode = EnumSource.Mode.MATCH_ALL)
    void primeAndGeneratorAreThoseOfTheRfcAsBouncyCastleHasThem(Algorithm algorithm) {
        ModpGroup group = ModpGroup.of(algorithm);
        assertEquals(BOUNCY_CASTLE.get(algorithm).getP(), group.prime());
        assertEquals(BOUNCY_CASTLE.get(algorithm).getG(), group.generator());
        assertEquals(algorithm.publicValueSize(), group.length());
    }

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = "MODP_.*", mode = EnumSource.Mode.MATCH_ALL)
    void privateExponentsAreShortNotTheJdkDefault(Algorithm algorithm) {
        ModpGroup group = ModpGroup.of(algorithm);
        try (ProviderKeyExchange exchange = new JcaProvider().keyExchange(algorithm)) {
            int bits = new BigInteger(1, exchange.privateValue()).bitLength();
            assertTrue(bits <= group.exponentBits() && bits > group.exponentBits() - 16, bits + " bits");
        }
    }

    @Test
    void exponentIsTwiceTheSecurityStrength() {
        assertEquals(224, ModpGroup.of(Algorithm.MODP_2048).exponentBits());
        assertEquals(256, ModpGroup.of(Algorithm.MODP_3072).exponentBits());
        assertEquals(304, ModpGroup.of(Algorithm.MODP_4096).exponentBits());
    }

    @Test
    void peerValuesOutsideTwoToPMinusTwoOrOfTheWrongLengthAreRefused() {
        ModpGroup group = ModpGroup.of(Algorithm.MODP_2048);
        BigInteger p = group.prime();
        for (BigInteger bad : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p}) {
            assertThrows(CryptoException.class, () -> group.peerValue(group.encode(bad)), bad.toString(16));
        }
        assertThrows(CryptoException.class, () -> group.peerValue(new byte[255]));
        assertEquals(BigInteger.TWO, group.peerValue(group.encode(BigInteger.TWO)));
    }
}
