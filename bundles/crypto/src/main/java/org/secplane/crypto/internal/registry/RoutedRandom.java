package org.secplane.crypto.internal.registry;

import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import org.secplane.crypto.Algorithm;

/**
 * The registry's {@link SecureRandom}: bytes from the best provider of {@link Algorithm#RANDOM} at
 * each call. Seeding is the providers' own affair (they are self-seeding DRBGs or hardware), so
 * {@code setSeed} adds nothing.
 */
final class RoutedRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    RoutedRandom(RankingCryptoRegistry registry) {
        super(new Spi(registry), null);
    }

    @Override
    public String getAlgorithm() {
        return "secplane";
    }

    private static final class Spi extends SecureRandomSpi {
        private static final long serialVersionUID = 1L;
        private final transient RankingCryptoRegistry registry;

        Spi(RankingCryptoRegistry registry) {
            this.registry = registry;
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            // self-seeding providers
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            registry.randomBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            byte[] seed = new byte[numBytes];
            registry.randomBytes(seed);
            return seed;
        }
    }
}
