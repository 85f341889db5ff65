package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.ipsec.ChildSa;

/** D-19: IKEv2 DPD is an empty INFORMATIONAL; after 5 unanswered ones the peer is dead. */
class DeadPeerDetectionTest extends TwoPeerTests {

    static IkePolicy[] dpd(int interval, boolean alwaysSend) {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        PeerConfig g = s[0].gateways.values().iterator().next().toBuilder().dpd(interval, alwaysSend).build();
        return new IkePolicy[] {new IkePolicy(List.of(g), List.copyOf(s[0].vpns.values()), 5), s[1]};
    }

    private static long dpdRequests(Peers p) {
        return p.wire.sent.stream().filter(x -> x.exchange() == Ike.INFORMATIONAL && !x.response()
                && x.from.getAddress().getHostAddress().equals(Peers.ALICE)).count();
    }

    @Test
    void aSilentPeerIsDeclaredDeadAfterFiveUnansweredProbes() {
        try (Peers p = established(new Peers(101), dpd(10, true))) {
            p.wire.blackhole(pk -> pk.from.getAddress().getHostAddress().equals(Peers.BOB));
            p.wire.sent.clear();
            p.clock.advance(10_000);
            assertEquals(1, dpdRequests(p), "a probe after an idle interval");
            for (int n = 2; n <= 5; n++) {
                p.wire.deliverAll();
                p.clock.advance(10_000);
                assertEquals(n, dpdRequests(p), "probe " + n + " one interval later");
                assertEquals("UP", p.aliceIke().get(0).state());
            }
            p.wire.deliverAll();
            p.clock.advance(9_999);
            assertEquals(1, p.aliceIke().size());
            p.clock.advance(1);
            assertTrue(p.aliceIke().isEmpty(), "dead after the 5th probe went unanswered");
            assertTrue(p.aliceSas.installed.isEmpty());
            List<Wire.Packet> probes = p.wire.sent.stream().filter(x -> x.exchange() == Ike.INFORMATIONAL && !x.response()).toList();
            assertEquals(5, probes.size());
            assertTrue(probes.stream().allMatch(x -> x.messageId() == probes.get(0).messageId()), "the same request, resent");
        }
    }

    @Test
    void aPeerThatAnswersStaysUp() {
        try (Peers p = established(new Peers(102), dpd(10, true))) {
            for (int i = 0; i < 10; i++) {
                p.clock.advance(10_000);
                p.wire.deliverAll();
            }
            assertEquals("UP", p.aliceIke().get(0).state());
            assertTrue(dpdRequests(p) >= 4);
            assertEquals(1, p.aliceSas.installed.size());
        }
    }

    @Test
    void onDemandProbesOnlyWhenTrafficWentOutAndNothingCameBack() {
        try (Peers p = established(new Peers(103), dpd(10, false))) {
            ChildSa c = only(p.aliceSas);
            p.wire.sent.clear();
            p.clock.advance(30_000);
            assertEquals(0, dpdRequests(p), "idle: no probe without always-send");
            p.aliceSas.traffic(c.inboundSpi(), 500, 500);
            p.clock.advance(10_000);
            p.aliceSas.traffic(c.inboundSpi(), 500, 500);
            p.clock.advance(10_000);
            assertEquals(0, dpdRequests(p), "traffic both ways proves the peer alive");
            p.aliceSas.traffic(c.inboundSpi(), 0, 500);
            p.clock.advance(10_000);
            assertEquals(1, dpdRequests(p), "outbound only: probe");
        }
    }

    @Test
    void noDpdWithoutDeadPeerDetection() {
        try (Peers p = established(103)) {
            p.wire.sent.clear();
            p.clock.advance(120_000);
            assertEquals(0, dpdRequests(p));
        }
    }
}
