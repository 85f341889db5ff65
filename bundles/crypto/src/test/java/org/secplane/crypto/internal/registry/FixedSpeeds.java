package org.secplane.crypto.internal.registry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.spi.CryptoProvider;

/** A speed meter that reports what the test says, per provider name and algorithm (default 1000/s). */
class FixedSpeeds implements SpeedMeter {

    private final Map<String, Double> speeds = new ConcurrentHashMap<>();

    FixedSpeeds set(String provider, Algorithm algorithm, double operationsPerSecond) {
        speeds.put(provider + "/" + algorithm, operationsPerSecond);
        return this;
    }

    @Override
    public double measure(CryptoProvider provider, Algorithm algorithm, long budgetNanos) {
        return speeds.getOrDefault(provider.name() + "/" + algorithm, 1000.0);
    }
}
