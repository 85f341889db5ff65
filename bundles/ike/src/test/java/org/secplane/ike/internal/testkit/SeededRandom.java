package org.secplane.ike.internal.testkit;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.secplane.ike.internal.keys.RandomSource;

/** A deterministic random source: SHA-256 over (seed, counter). Same seed, same bytes, every run. */
public final class SeededRandom implements RandomSource {

    private final long seed;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = 32;
    private final MessageDigest sha;

    public SeededRandom(long seed) {
        this.seed = seed;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void nextBytes(byte[] out, int offset, int length) {
        for (int i = 0; i < length; i++) {
            if (used == 32) {
                sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
                byte[] d = sha.digest();
                System.arraycopy(d, 0, block, 0, 32);
                used = 0;
            }
            out[offset + i] = block[used++];
        }
    }
}
