package org.secplane.ike.internal.keys;

import java.security.SecureRandom;

/**
 * Where the engine's randomness comes from: SPIs, nonces, IVs, DH private values (through the key-exchange
 * factory), lifetime jitter and cookie secrets. In production a {@link SecureRandom}; in tests a seeded
 * source so two engines in one JVM produce the same bytes every run. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface RandomSource {

    void nextBytes(byte[] out, int offset, int length);

    default byte[] bytes(int n) {
        byte[] out = new byte[n];
        nextBytes(out, 0, n);
        return out;
    }

    default long nextLong() {
        byte[] b = bytes(8);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    /** Uniform in {@code [0, bound)}. */
    default int nextInt(int bound) {
        long v = nextLong() >>> 1;
        return (int) (v % bound);
    }

    static RandomSource of(SecureRandom random) {
        return (out, offset, length) -> {
            if (offset == 0 && length == out.length) {
                random.nextBytes(out);
            } else {
                byte[] tmp = new byte[length];
                random.nextBytes(tmp);
                System.arraycopy(tmp, 0, out, offset, length);
            }
        };
    }
}
