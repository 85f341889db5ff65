package org.secplane.keystore.internal;

import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.BouncyCastleProvider;
import org.secplane.crypto.internal.software.JcaProvider;

/** One crypto registry with the two software providers, their known-answer tests passed, for all tests. */
public final class TestRegistry {

    private static RankingCryptoRegistry registry;

    private TestRegistry() {
    }

    public static synchronized CryptoRegistry get() {
        if (registry == null) {
            registry = new RankingCryptoRegistry(RankingCryptoRegistry.Settings.defaults());
            registry.addProvider(new JcaProvider());
            registry.addProvider(new BouncyCastleProvider());
            try {
                registry.awaitTests();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return registry;
    }
}
