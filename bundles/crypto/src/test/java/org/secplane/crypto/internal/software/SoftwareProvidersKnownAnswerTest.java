package org.secplane.crypto.internal.software;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.internal.registry.KnownAnswerFile;
import org.secplane.crypto.internal.registry.KnownAnswerTest;
import org.secplane.crypto.spi.CryptoProvider;

/** Every known-answer vector, run against both software providers for each algorithm they claim. */
class SoftwareProvidersKnownAnswerTest {

    private static final CryptoProvider JCA = new JcaProvider();
    private static final CryptoProvider BC = new BouncyCastleProvider();

    static Stream<Arguments> claimedAlgorithms() {
        return Stream.of(JCA, BC).flatMap(p -> p.algorithms().stream().sorted().map(a -> Arguments.of(p.name(), a, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("claimedAlgorithms")
    void providerGivesEveryPublishedAnswer(String name, Algorithm algorithm, CryptoProvider provider) {
        KnownAnswerTest.Result result = KnownAnswerTest.run(provider, algorithm);
        assertTrue(result.passed(), name + " " + algorithm.label() + ": " + result.text());
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void everyAlgorithmHasVectorsEachNamingItsSource(Algorithm algorithm) {
        KnownAnswerFile file = KnownAnswerFile.of(algorithm);
        assertFalse(file.vectors().isEmpty(), "no vectors in " + KnownAnswerFile.resource(algorithm));
        for (KnownAnswerFile.Vector vector : file.vectors()) {
            assertNotNull(vector.source(), KnownAnswerFile.resource(algorithm) + " vector " + vector.number() + " has no # source:");
        }
    }

    @Test
    void jcaClaimsEveryAlgorithmOnAFullJdk() {
        assertEquals(EnumSet.allOf(Algorithm.class), JCA.algorithms());
    }

    @Test
    void bouncyCastleOffersNoSymmetricAlgorithm() {
        Set<Algorithm> claimed = BC.algorithms();
        for (Algorithm algorithm : claimed) {
            assertTrue(algorithm.label().startsWith("ec") || algorithm.label().startsWith("rsa") || algorithm.label().startsWith("dsa")
                    || algorithm == Algorithm.CURVE25519, algorithm.label());
        }
        assertEquals(15, claimed.size());
    }

    @Test
    void aBrokenProviderFailsItsVectorAndTheMessageNamesIt() {
        CryptoProvider broken = new ForwardingProvider(JCA) {
            @Override
            public org.secplane.crypto.Hash hash(Algorithm algorithm) {
                org.secplane.crypto.Hash real = super.hash(algorithm);
                return new org.secplane.crypto.Hash() {
                    @Override
                    public Algorithm algorithm() {
                        return algorithm;
                    }

                    @Override
                    public byte[] digest(byte[]... parts) {
                        byte[] d = real.digest(parts);
                        d[0] ^= 1;
                        return d;
                    }
                };
            }
        };
        KnownAnswerTest.Result result = KnownAnswerTest.run(broken, Algorithm.SHA2_256);
        assertFalse(result.passed());
        assertTrue(result.text().startsWith("failed: vector 1 (FIPS 180-2 Appendix B.1"), result.text());
        assertTrue(result.text().contains("digest differs"), result.text());
    }
}
