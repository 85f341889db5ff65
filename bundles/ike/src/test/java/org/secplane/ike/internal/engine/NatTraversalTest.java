package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.ipsec.ChildSa;

/**
 * NAT traversal (RFC 7296 §2.23, RFC 3948, D-21): NAT detected on either side, the float to 4500 with the
 * non-ESP marker, UDP-encapsulated CHILD SAs, keepalives from the NATed side only; none of it with
 * {@code no-nat-traversal}.
 */
class NatTraversalTest extends TwoPeerTests {

    private static final String ALICE_PRIVATE = "192.168.1.10";
    private static final String BOB_PRIVATE = "172.16.0.2";

    private static IkePolicy with(IkePolicy p, java.util.function.UnaryOperator<PeerConfig.Builder> change) {
        PeerConfig g = change.apply(p.gateways.values().iterator().next().toBuilder()).build();
        return new IkePolicy(List.of(g), List.copyOf(p.vpns.values()), 5);
    }

    @Test
    void initiatorBehindNatFloatsTo4500AndSendsKeepalives() {
        try (Peers p = new Peers(51)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.wire.attach(Policies.ip(ALICE_PRIVATE), p.alice);
            p.wire.sourceNat(Policies.ip(ALICE_PRIVATE), Policies.ip(Peers.ALICE));
            p.apply(with(s[0], b -> b.localAddress(Policies.ip(ALICE_PRIVATE))), s[1]);
            p.alice.initiate("vpn-bob");
            Wire.Packet init = p.wire.deliverNext();
            assertEquals(500, init.from.getPort());
            p.wire.deliverNext();
            Wire.Packet auth = p.wire.peek();
            assertEquals(Ike.IKE_AUTH, auth.exchange());
            assertEquals(4500, auth.from.getPort(), "alice floats to 4500 after IKE_SA_INIT");
            assertEquals(4500, auth.to.getPort());
            assertEquals(0, auth.data[0] | auth.data[1] | auth.data[2] | auth.data[3], "non-ESP marker");
            p.wire.deliverAll();
            IkeSaInfo a = p.aliceIke().get(0);
            IkeSaInfo b = p.bobIke().get(0);
            assertTrue(a.localBehindNat());
            assertFalse(a.remoteBehindNat());
            assertTrue(b.remoteBehindNat());
            assertFalse(b.localBehindNat());
            assertEquals(4500, a.local().getPort());
            assertEquals(4500, a.remote().getPort());
            assertEquals(4500, b.local().getPort());
            assertEquals(Peers.ALICE, b.remote().getAddress().getHostAddress());
            ChildSa ac = only(p.aliceSas);
            ChildSa bc = only(p.bobSas);
            assertEquals(4500, ac.localPort(), "ESP in UDP");
            assertEquals(4500, ac.remotePort());
            assertEquals(4500, bc.localPort());
            assertEquals(b.remote().getPort(), bc.remotePort(), "bob sends to alice's NAT mapping");
            assertEquals(4500, p.aliceChildren().get(0).port());
            // keepalives: from alice (behind the NAT) every 5 s, none from bob
            p.wire.sent.clear();
            p.clock.advance(5000);
            assertEquals(1, p.wire.sent.stream().filter(Wire.Packet::keepalive).count());
            assertEquals(ALICE_PRIVATE, p.wire.sent.get(0).from.getAddress().getHostAddress());
            p.clock.advance(10_000);
            assertEquals(3, p.wire.sent.stream().filter(Wire.Packet::keepalive).count());
            assertTrue(p.wire.sent.stream().filter(Wire.Packet::keepalive)
                    .allMatch(k -> k.from.getAddress().getHostAddress().equals(ALICE_PRIVATE)));
            p.wire.deliverAll();
            assertEquals(3, drops(p.bob, DropReason.NAT_KEEPALIVE));
            // the SA still works through the NAT (rekey over 4500)
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            assertMirrored(p);
        }
    }

    @Test
    void responderBehindStaticNatIsDetectedOnBothSidesAndOnlyItSendsKeepalives() {
        // E3: the responder 172.16.0.2 is reached as 10.0.0.2 through a static NAT
        try (Peers p = new Peers(52)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.wire.attach(Policies.ip(BOB_PRIVATE), p.bob);
            p.wire.staticNat(Policies.ip(Peers.BOB), Policies.ip(BOB_PRIVATE));
            p.apply(s[0], with(s[1], b -> b.localAddress(Policies.ip(BOB_PRIVATE))));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            IkeSaInfo a = p.aliceIke().get(0);
            IkeSaInfo b = p.bobIke().get(0);
            assertEquals("UP", a.state());
            assertTrue(a.remoteBehindNat());
            assertFalse(a.localBehindNat());
            assertTrue(b.localBehindNat());
            assertEquals(4500, a.remote().getPort());
            assertEquals(4500, only(p.aliceSas).remotePort());
            p.wire.sent.clear();
            p.clock.advance(5000);
            List<Wire.Packet> keepalives = p.wire.sent.stream().filter(Wire.Packet::keepalive).toList();
            assertEquals(1, keepalives.size());
            assertEquals(BOB_PRIVATE, keepalives.get(0).from.getAddress().getHostAddress(), "from the NATed responder");
        }
    }

    @Test
    void withoutNatNothingFloats() {
        try (Peers p = established(53)) {
            assertFalse(p.aliceIke().get(0).localBehindNat());
            assertEquals(500, p.aliceIke().get(0).local().getPort());
            assertEquals(0, only(p.aliceSas).localPort(), "plain ESP");
            p.wire.sent.clear();
            p.clock.advance(30_000);
            assertTrue(p.wire.sent.stream().noneMatch(Wire.Packet::keepalive));
        }
    }

    @Test
    void noNatTraversalSendsNoDetectionAndNeverEncapsulates() {
        try (Peers p = new Peers(54)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.wire.attach(Policies.ip(ALICE_PRIVATE), p.alice);
            p.wire.sourceNat(Policies.ip(ALICE_PRIVATE), Policies.ip(Peers.ALICE));
            p.apply(with(s[0], b -> b.localAddress(Policies.ip(ALICE_PRIVATE)).natTraversal(false)),
                    with(s[1], b -> b.natTraversal(false)));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertTrue(p.wire.sent.stream().allMatch(x -> x.from.getPort() != 4500 && x.to.getPort() != 4500));
            IkeSaInfo a = p.aliceIke().get(0);
            assertFalse(a.localBehindNat());
            assertEquals(0, only(p.aliceSas).localPort());
        }
    }
}
