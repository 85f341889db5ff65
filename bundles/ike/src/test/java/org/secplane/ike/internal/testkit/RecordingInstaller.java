package org.secplane.ike.internal.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.SaInstaller;

/** An SA installer that remembers what it was given, with counters tests can set. */
public final class RecordingInstaller implements SaInstaller {

    public final Map<Long, ChildSa> installed = new ConcurrentHashMap<>();
    public final List<ChildSa> history = java.util.Collections.synchronizedList(new ArrayList<>());
    public final List<ChildSa> removed = java.util.Collections.synchronizedList(new ArrayList<>());
    public final Map<Long, long[]> counters = new ConcurrentHashMap<>();

    @Override
    public void install(ChildSa sa) {
        installed.put(sa.inboundSpi(), sa);
        history.add(sa);
    }

    @Override
    public void remove(ChildSa sa) {
        installed.remove(sa.inboundSpi());
        removed.add(sa);
    }

    @Override
    public long[] counters(ChildSa sa) {
        long[] c = counters.get(sa.inboundSpi());
        return c == null ? new long[4] : c.clone();
    }

    /** Adds traffic to an installed pair: bytes and packets in and out. */
    public void traffic(long inboundSpi, long inBytes, long outBytes) {
        long[] c = counters.computeIfAbsent(inboundSpi, k -> new long[4]);
        c[0] += inBytes;
        c[1] += inBytes > 0 ? 1 : 0;
        c[2] += outBytes;
        c[3] += outBytes > 0 ? 1 : 0;
    }
}
