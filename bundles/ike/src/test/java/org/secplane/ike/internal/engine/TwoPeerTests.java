package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.RecordingInstaller;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ipsec.ChildSa;

/** Helpers shared by the two-peer tests. */
abstract class TwoPeerTests {

    static Peers established(long seed) {
        return established(new Peers(seed), Scenarios.ecp256Gcm());
    }

    static Peers established(Peers p, IkePolicy[] policies) {
        p.apply(policies[0], policies[1]);
        p.alice.initiate("vpn-bob");
        p.wire.deliverAll();
        assertEquals("UP", p.aliceIke().get(0).state());
        assertEquals(1, p.aliceChildren().size());
        return p;
    }

    static long drops(IkeEngine e, DropReason r) {
        return e.dropCounters().get(r);
    }

    static long allDrops(IkeEngine e) {
        return e.dropCounters().values().stream().mapToLong(Long::longValue).sum();
    }

    /** The installed pairs of both sides mirror each other (alice's inbound is bob's outbound and so on). */
    static void assertMirrored(Peers p) {
        Set<String> a = new TreeSet<>();
        Set<String> b = new TreeSet<>();
        for (ChildSa c : p.aliceSas.installed.values()) {
            a.add(Long.toHexString(c.inboundSpi()) + "/" + Long.toHexString(c.outboundSpi()));
        }
        for (ChildSa c : p.bobSas.installed.values()) {
            b.add(Long.toHexString(c.outboundSpi()) + "/" + Long.toHexString(c.inboundSpi()));
        }
        assertEquals(a, b, "alice's pairs mirror bob's");
        List<ChildSaInfo> ac = p.aliceChildren();
        assertEquals(p.aliceSas.installed.size(), ac.size(), "what key management shows is what is installed (alice)");
        assertEquals(p.bobSas.installed.size(), p.bobChildren().size(), "what key management shows is what is installed (bob)");
    }

    static ChildSa only(RecordingInstaller installer) {
        assertEquals(1, installer.installed.size(), "one installed pair: " + installer.installed.keySet());
        return installer.installed.values().iterator().next();
    }
}
