package org.secplane.crypto.internal.registry;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;

/** A registered provider: what it claims, what passed, how fast it measured. */
final class ProviderEntry {

    /** One tested algorithm. */
    static final class Capability {
        final Algorithm algorithm;
        final boolean passed;
        final String knownAnswerTest;
        /** NaN until measured. */
        volatile double operationsPerSecond = Double.NaN;
        volatile String measurementError;

        Capability(Algorithm algorithm, KnownAnswerTest.Result result) {
            this.algorithm = algorithm;
            this.passed = result.passed();
            this.knownAnswerTest = result.text();
        }
    }

    final CryptoProvider provider;
    final String name;
    final String driver;
    /** Registration order, which breaks ties between unmeasured providers. */
    final long order;
    final Set<Algorithm> claimed;
    /** Tested algorithms, in {@link Algorithm} order. */
    final Map<Algorithm, Capability> capabilities = new ConcurrentSkipListMap<>();
    /** Claimed algorithms whose known-answer tests have not run yet; guarded by the registry's lock. */
    final Set<Algorithm> untested;
    final String problem;
    /** False once the provider has left; handles bound to it move on. */
    volatile boolean live = true;
    volatile boolean measuring = true;

    ProviderEntry(CryptoProvider provider, String name, String driver, long order, Set<Algorithm> claimed, String problem) {
        this.provider = provider;
        this.name = name;
        this.driver = driver;
        this.order = order;
        EnumSet<Algorithm> copy = EnumSet.noneOf(Algorithm.class);
        copy.addAll(claimed);
        this.claimed = Collections.unmodifiableSet(copy);
        this.untested = EnumSet.copyOf(copy.isEmpty() ? EnumSet.noneOf(Algorithm.class) : copy);
        this.problem = problem;
    }

    boolean passed(Algorithm algorithm) {
        Capability capability = capabilities.get(algorithm);
        return capability != null && capability.passed;
    }

    double speed(Algorithm algorithm) {
        Capability capability = capabilities.get(algorithm);
        return capability == null ? Double.NaN : capability.operationsPerSecond;
    }

    @Override
    public String toString() {
        return name;
    }
}
