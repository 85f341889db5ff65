package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.TrafficSelector;

/** Backup gateways (D-27), re-initiation (D-19), on-traffic acquire (D-29), bad SPIs (D-20), versions (D-25), IPv6. */
class PeerBehaviourTest extends TwoPeerTests {

    @Test
    void aDeadPrimaryAddressMakesTheNextAttemptUseTheBackup() {
        try (Peers p = new Peers(151, s -> { }, 1000)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            PeerConfig g = s[0].gateways.values().iterator().next().toBuilder()
                    .addresses(List.of(Policies.ip("10.0.0.99"), Policies.ip(Peers.BOB))).build();
            VpnConfig v = s[0].vpns.values().iterator().next().withEstablishImmediately(true);
            p.bob.apply(s[1]);
            p.alice.apply(new IkePolicy(List.of(g), List.of(v), 5));
            assertEquals("10.0.0.99", p.wire.peek().to.getAddress().getHostAddress(), "the primary first");
            for (int i = 0; i < 7; i++) {
                p.wire.deliverAll();
                p.clock.advance(80_000);
            }
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state(), "up with the backup " + Peers.BOB);
            assertEquals(Peers.BOB, p.aliceIke().get(0).remote().getAddress().getHostAddress());
        }
    }

    @Test
    void aPeerDeclaredDeadIsNegotiatedAgainForEstablishTunnelsImmediately() {
        try (Peers p = new Peers(152, s -> { }, 1000)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            PeerConfig g = s[0].gateways.values().iterator().next().toBuilder().dpd(10, true).build();
            VpnConfig v = s[0].vpns.values().iterator().next().withEstablishImmediately(true);
            p.bob.apply(s[1]);
            p.alice.apply(new IkePolicy(List.of(g), List.of(v), 5));
            p.wire.deliverAll();
            int first = p.aliceIke().get(0).index();
            p.wire.blackhole(x -> true);
            for (int i = 0; i < 6; i++) {
                p.clock.advance(10_000);
                p.wire.deliverAll();
            }
            p.wire.blackhole(x -> false);
            p.clock.advance(1000);
            p.wire.deliverAll();
            List<IkeSaInfo> a = p.aliceIke();
            assertEquals(1, a.size(), a.toString());
            assertTrue(a.get(0).index() > first, "a new IKE SA");
            assertEquals("UP", a.get(0).state());
            assertEquals(1, p.aliceSas.installed.size());
        }
    }

    @Test
    void aSecondGatewayBetweenTheSameIdentitiesSendsNoInitialContactSoTheFirstSaSurvives() {
        try (Peers p = new Peers(155)) {
            twoGatewaysBetweenTheSameIdentities(p);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            p.alice.initiate("vpn-bob-2");
            Wire.Packet auth = null;
            while (p.wire.pending() > 0) {
                Wire.Packet next = p.wire.peek();
                if (next.exchange() == Ike.IKE_AUTH && !next.response()) {
                    auth = next;
                }
                p.wire.deliverNext();
            }
            assertTrue(auth != null, "the second IKE SA authenticated");
            assertEquals(2, p.bobIke().stream().filter(sa -> sa.state().equals("UP")).count(),
                    "RFC 7296 3.10.1: INITIAL_CONTACT only when no other IKE SA exists between the identities");
            assertEquals(2, p.bobChildren().size());
        }
    }

    @Test
    void anInitialContactReplacesTheIkeSaThePeerForgot() {
        try (Peers p = established(157)) {
            int stale = p.bobIke().get(0).index();
            p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
            p.wire.blackhole(x -> true);
            p.wire.deliverAll();
            p.wire.blackhole(x -> false);
            p.clock.advance(1000);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            List<IkeSaInfo> up = p.bobIke().stream().filter(sa -> sa.state().equals("UP")).toList();
            assertEquals(1, up.size(), "RFC 7296 3.10.1: the SA alice forgot is deleted: " + up);
            assertTrue(up.get(0).index() != stale);
            assertEquals(1, p.bobChildren().size());
        }
    }

    @Test
    void ikeSasNegotiatedTogetherSendNoInitialContactSoNoneCanReplaceTheOthers() {
        try (Peers p = new Peers(156)) {
            twoGatewaysBetweenTheSameIdentities(p);
            // an IKE SA that bob keeps and alice forgets (her Delete is lost): an INITIAL_CONTACT would replace it
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
            p.wire.blackhole(x -> true);
            p.wire.deliverAll();
            p.wire.blackhole(x -> false);
            assertEquals(1, p.bobIke().size());
            // both gateways negotiate at once (as after a clear with establish-tunnels immediately): whichever
            // authenticates first must not assert being the only IKE SA, or bob would delete the other
            p.alice.initiate("vpn-bob");
            p.alice.initiate("vpn-bob-2");
            p.wire.deliverAll();
            assertEquals(2, p.aliceIke().stream().filter(sa -> sa.state().equals("UP")).count());
            assertEquals(3, p.bobIke().stream().filter(sa -> sa.state().equals("UP")).count(),
                    "no INITIAL_CONTACT while another IKE SA with the same peer was being negotiated: the stale one "
                            + "stays until its liveness check or lifetime");
        }
    }

    @Test
    void trafficWithoutSaAcquiresOneAndTheDuplicateAcquireIsIgnored() {
        try (Peers p = new Peers(153)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            p.apply(s[0], s[1]);
            TrafficSelector src = TrafficSelector.ofPrefix("10.1.0.5/32");
            TrafficSelector dst = TrafficSelector.ofPrefix("10.2.0.9/32");
            p.alice.acquire("vpn-bob", src, dst);
            p.alice.acquire("vpn-bob", src, dst);
            assertEquals(1, p.wire.pending());
            p.wire.deliverAll();
            p.alice.acquire("vpn-bob", src, dst);
            assertEquals(0, p.wire.pending(), "an SA exists: nothing to do");
            assertMirrored(p);
        }
    }

    @Test
    void unknownSpisAreAnsweredWithInvalidSpiUpToRespondBadSpiThenTheSaIsRenegotiated() throws Exception {
        try (Peers p = established(154)) {
            ChildSa old = only(p.aliceSas);
            for (int i = 0; i < 5; i++) {
                p.alice.unknownSpi(Policies.ip(Peers.BOB), 0x1234, 50);
                Wire.Packet pk = p.wire.peek();
                assertEquals(Ike.INFORMATIONAL, pk.exchange());
                p.wire.deliverAll();
            }
            assertEquals(5, p.alice.respondBadSpiCounts().get("gw-bob"));
            assertEquals(old.inboundSpi(), only(p.aliceSas).inboundSpi());
            p.alice.unknownSpi(Policies.ip(Peers.BOB), 0x1234, 50);
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.size() == 1 && only(p.aliceSas).inboundSpi() != old.inboundSpi(),
                    "the 6th: the SAs are deleted and negotiated again");
            p.alice.clearRespondBadSpiCount("gw-bob");
            assertTrue(p.alice.respondBadSpiCounts().isEmpty());
        }
    }

    @Test
    void aV1OnlyGatewayIgnoresIkev2() {
        try (Peers p = new Peers(155)) {
            IkePolicy[] s = Scenarios.ecp256Gcm();
            PeerConfig v1 = s[1].gateways.values().iterator().next().toBuilder().version(1).build();
            p.bob.apply(new IkePolicy(List.of(v1), List.copyOf(s[1].vpns.values()), 5));
            p.alice.apply(s[0]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals(1, drops(p.bob, DropReason.VERSION_MISMATCH));
            assertTrue(p.bobIke().isEmpty());
        }
    }

    @Test
    void ipv6PeersNegotiateWithIpv6IdentitiesAndSelectors() {
        try (Peers p = new Peers(156)) {
            String a = "2001:db8::1";
            String b = "2001:db8::2";
            p.wire.attach(Policies.ip(a), p.alice);
            p.wire.attach(Policies.ip(b), p.bob);
            PeerConfig ga = Policies.gateway("gw-bob", a, b, Scenarios.PSK).build();
            PeerConfig gb = Policies.gateway("gw-alice", b, a, Scenarios.PSK).build();
            p.alice.apply(Policies.policy(ga, Policies.vpn("vpn-bob", "gw-bob", List.of(Policies.espGcm()), "2001:db8:1::/48",
                    "::/0", false)));
            p.bob.apply(Policies.policy(gb, Policies.vpn("vpn-alice", "gw-alice", List.of(Policies.espGcm()), "::/0", "::/0", false)));
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals("2001:db8:0:0:0:0:0:2", p.aliceIke().get(0).peerIkeId());
            assertEquals("ipv6_subnet(any:0,[0..31]=2001:db8:1:0:0:0:0:0/48)", p.aliceChildren().get(0).localIdentity());
            assertEquals("ipv6_subnet(any:0,[0..31]=0:0:0:0:0:0:0:0/0)", p.bobChildren().get(0).localIdentity());
            assertEquals(new InetSocketAddress(b, 500), p.aliceIke().get(0).remote());
            assertMirrored(p);
        }
    }

    /** Alice: gateways gw-bob and gw-bob-2 (VPNs vpn-bob, vpn-bob-2) to bob, both between the same identities. */
    private static void twoGatewaysBetweenTheSameIdentities(Peers p) {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        PeerConfig first = s[0].gateways.values().iterator().next();
        PeerConfig second = PeerConfig.builder("gw-bob-2").addresses(first.addresses).localAddress(first.localAddress)
                .preSharedKey(first.preSharedKey).proposals(first.proposals).build();
        VpnConfig v1 = s[0].vpns.values().iterator().next();
        VpnConfig v2 = new VpnConfig("vpn-bob-2", "gw-bob-2", "ipsec-policy", v1.proposals, TrafficSelector.ofPrefix("10.1.9.0/24"),
                TrafficSelector.ofPrefix("10.2.9.0/24"), null, false, 64, ChildSa.DfBit.CLEAR, 0, 1, null);
        VpnConfig b1 = s[1].vpns.values().iterator().next();
        VpnConfig b2 = new VpnConfig("vpn-alice-2", b1.gateway, "ipsec-policy", b1.proposals, TrafficSelector.ofPrefix("10.2.9.0/24"),
                TrafficSelector.ofPrefix("10.1.9.0/24"), null, false, 64, ChildSa.DfBit.CLEAR, 0, 1, null);
        p.alice.apply(new IkePolicy(List.of(first, second), List.of(v1, v2), 5));
        p.bob.apply(new IkePolicy(List.copyOf(s[1].gateways.values()), List.of(b1, b2), 5));
    }
}
