package org.secplane.crypto.internal.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.crypto.Hash;
import org.secplane.crypto.internal.software.JcaProvider;

/** The real speed measurement: it tells a slow provider from a fast one and keeps to its budget. */
class CpuTimeSpeedMeterTest {

    private final CpuTimeSpeedMeter meter = new CpuTimeSpeedMeter();

    @Test
    void aProviderDoingTwentyTimesTheWorkMeasuresMuchSlower() throws Exception {
        JcaProvider jca = new JcaProvider();
        FakeProvider slow = new FakeProvider("slow", jca, Algorithm.SHA2_256) {
            @Override
            public Hash hash(Algorithm algorithm) {
                Hash real = jca.hash(algorithm);
                return new Hash() {
                    @Override
                    public Algorithm algorithm() {
                        return algorithm;
                    }

                    @Override
                    public byte[] digest(byte[]... parts) {
                        byte[] d = real.digest(parts);
                        for (int i = 0; i < 19; i++) {
                            d = real.digest(d, parts[0]);
                        }
                        return d;
                    }
                };
            }
        };
        long budget = TimeUnit.MILLISECONDS.toNanos(40);
        meter.measure(jca, Algorithm.SHA2_256, budget); // warm both paths alike
        meter.measure(slow, Algorithm.SHA2_256, budget);
        double fast = meter.measure(jca, Algorithm.SHA2_256, budget);
        double slower = meter.measure(slow, Algorithm.SHA2_256, budget);
        assertTrue(fast > 5 * slower, fast + " against " + slower);
    }

    @Test
    void aMeasurementSpendsAboutItsBudget() throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        JcaProvider jca = new JcaProvider();
        long budget = TimeUnit.MILLISECONDS.toNanos(40);
        for (Algorithm algorithm : new Algorithm[] {Algorithm.AES_128_GCM_16, Algorithm.HMAC_SHA1_96, Algorithm.ECP_256}) {
            meter.measure(jca, algorithm, budget);
            long before = threads.getCurrentThreadCpuTime();
            double rate = meter.measure(jca, algorithm, budget);
            long spent = threads.getCurrentThreadCpuTime() - before;
            assertTrue(rate > 0);
            assertTrue(spent < 3 * budget, algorithm.label() + " took " + spent / 1_000_000 + " ms of CPU");
        }
    }
}
