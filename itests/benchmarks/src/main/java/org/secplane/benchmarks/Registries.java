package org.secplane.benchmarks;

import java.time.Duration;
import org.secplane.crypto.CryptoRegistry;
import org.secplane.crypto.internal.registry.RankingCryptoRegistry;
import org.secplane.crypto.internal.software.JcaProvider;

/** The product's crypto registry (known-answer tests, failover handles) outside OSGi. */
final class Registries {

    private Registries() {
    }

    /** The registry over the JCA provider alone, its tests passed. */
    static CryptoRegistry jca() throws InterruptedException {
        RankingCryptoRegistry registry = new RankingCryptoRegistry(
                RankingCryptoRegistry.Settings.defaults().budget(Duration.ofMillis(20)));
        registry.addProvider(new JcaProvider());
        registry.awaitTests();
        return registry;
    }
}
