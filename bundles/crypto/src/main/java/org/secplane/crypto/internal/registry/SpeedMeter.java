package org.secplane.crypto.internal.registry;

import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;

/** Measures how fast a provider does an algorithm on this machine. */
public interface SpeedMeter {

    /**
     * Operations per second, spending about {@code budgetNanos} of the calling thread's CPU time.
     * Throws if the provider fails while being measured.
     */
    double measure(CryptoProvider provider, Algorithm algorithm, long budgetNanos) throws Exception;
}
