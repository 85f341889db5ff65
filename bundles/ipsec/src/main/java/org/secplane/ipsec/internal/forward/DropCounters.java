package org.secplane.ipsec.internal.forward;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLongArray;

/** Packets dropped per {@link DropReason}, over all SAs (many threads count). */
public final class DropCounters {

    private static final DropReason[] REASONS = DropReason.values();

    private final AtomicLongArray counts = new AtomicLongArray(REASONS.length);
    private volatile long[] cleared = new long[REASONS.length];

    void count(DropReason reason) {
        counts.incrementAndGet(reason.ordinal());
    }

    /** Drops since the last {@link #clear}. */
    public long get(DropReason reason) {
        return counts.get(reason.ordinal()) - cleared[reason.ordinal()];
    }

    /** Every reason with its count since the last clear, in declaration order. */
    public Map<DropReason, Long> snapshot() {
        Map<DropReason, Long> out = new LinkedHashMap<>();
        long[] base = cleared;
        for (DropReason reason : REASONS) {
            out.put(reason, counts.get(reason.ordinal()) - base[reason.ordinal()]);
        }
        return out;
    }

    public void clear() {
        long[] now = new long[REASONS.length];
        for (int i = 0; i < now.length; i++) {
            now[i] = counts.get(i);
        }
        cleared = now;
    }
}
