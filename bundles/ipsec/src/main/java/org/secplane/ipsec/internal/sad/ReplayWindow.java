package org.secplane.ipsec.internal.sad;

/**
 * The receiver's anti-replay window (RFC 4303 §3.4.3) as the bitmap of RFC 6479: bits in 64-bit blocks
 * indexed by {@code sequence >> 6} in a ring of a power-of-two number of blocks, with one block more than the
 * window needs, so that moving the window forward only clears whole blocks (no shifting of the bitmap) and
 * a check is one load and a mask. Any window size works; Junos uses 32 and 64 (ipsec-srx.md §1.9, D-13).
 *
 * <p>{@link #check} comes before the ICV check and {@link #update} after it, as RFC 4303 orders them, so a
 * forged packet cannot move the window. One thread at a time (the SA's receiving thread).
 */
public final class ReplayWindow {

    private final int window;
    private final long[] blocks;
    private final int mask;
    /** The highest sequence number accepted so far (0: none yet). */
    private long top;

    public ReplayWindow(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("a replay window needs at least one packet, not " + window);
        }
        this.window = window;
        int needed = (window + 63) / 64 + 1;
        int size = Integer.highestOneBit(needed);
        if (size < needed) {
            size <<= 1;
        }
        this.blocks = new long[size];
        this.mask = size - 1;
    }

    public int size() {
        return window;
    }

    public long top() {
        return top;
    }

    /** Whether {@code sequence} may be new: not zero, not older than the window, not already seen. */
    public boolean check(long sequence) {
        if (sequence == 0) {
            return false;
        }
        if (sequence > top) {
            return true;
        }
        if (top - sequence >= window) {
            return false;
        }
        return (blocks[(int) (sequence >>> 6) & mask] & (1L << (sequence & 63))) == 0;
    }

    /** Records an authenticated {@code sequence}; false if it turned out to be a replay after all. */
    public boolean update(long sequence) {
        if (!check(sequence)) {
            return false;
        }
        long block = sequence >>> 6;
        if (sequence > top) {
            long current = top >>> 6;
            long advance = Math.min(block - current, blocks.length);
            for (long i = 1; i <= advance; i++) {
                blocks[(int) (current + i) & mask] = 0;
            }
            top = sequence;
        }
        blocks[(int) block & mask] |= 1L << (sequence & 63);
        return true;
    }
}
