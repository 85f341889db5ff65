package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.ChildProposalSpec;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.policy.VpnConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ipsec.ChildSa;

/** D-42 and §1.26: what a newly committed configuration does to the SAs that exist. */
class ConfigurationChangeTest extends TwoPeerTests {

    private static IkePolicy vpnChange(IkePolicy p, java.util.function.UnaryOperator<VpnConfig> change) {
        return new IkePolicy(List.copyOf(p.gateways.values()), List.of(change.apply(p.vpns.values().iterator().next())), 5);
    }

    private static IkePolicy gatewayChange(IkePolicy p, java.util.function.UnaryOperator<PeerConfig.Builder> change) {
        return new IkePolicy(List.of(change.apply(p.gateways.values().iterator().next().toBuilder()).build()),
                List.copyOf(p.vpns.values()), 5);
    }

    @Test
    void changingTheIpsecProposalDeletesTheVpnsChildSas() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = established(new Peers(131), s)) {
            ChildProposalSpec other = new ChildProposalSpec("esp-gcm", Ike.PROTO_ESP, Algorithm.AES_128_GCM_16, null,
                    Algorithm.ECP_256, 3600, 0);
            p.alice.apply(vpnChange(s[0], v -> v.withProposals(List.of(other))));
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
            assertEquals("UP", p.aliceIke().get(0).state(), "the IKE SA stays");
        }
    }

    @Test
    void aChangedVpnWithEstablishImmediatelyComesBackWithTheNewParameters() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = established(new Peers(132), s)) {
            ChildSa old = only(p.aliceSas);
            p.alice.apply(vpnChange(s[0], v -> v.withSelectors(v.localSelector, org.secplane.ipsec.TrafficSelector.ofPrefix("10.2.3.0/24"))
                    .withEstablishImmediately(true)));
            p.wire.deliverAll();
            ChildSa now = only(p.aliceSas);
            assertNotEquals(old.inboundSpi(), now.inboundSpi());
            assertEquals("ipv4_subnet(any:0,[0..7]=10.2.3.0/24)", p.aliceChildren().get(0).remoteIdentity());
            assertMirrored(p);
        }
    }

    @Test
    void changingTheIkeProposalKeepsTheSas() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = established(new Peers(133), s)) {
            ChildSa old = only(p.aliceSas);
            p.alice.apply(gatewayChange(s[0], b -> b.proposals(List.of(Policies.modp2048Cbc()))));
            p.wire.deliverAll();
            assertEquals(old.inboundSpi(), only(p.aliceSas).inboundSpi());
            assertEquals("UP", p.aliceIke().get(0).state());
        }
    }

    @Test
    void removingTheVpnDeletesItsChildSasAndRemovingTheGatewayItsIkeSa() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = established(new Peers(134), s)) {
            p.alice.apply(new IkePolicy(List.copyOf(s[0].gateways.values()), List.of(), 5));
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
            assertEquals(1, p.aliceIke().size());
            p.alice.apply(IkePolicy.EMPTY);
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
        }
    }

    @Test
    void changingTheGatewayIdentitiesClearsItsSas() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = established(new Peers(135), s)) {
            p.alice.apply(gatewayChange(s[0], b -> b.localIdentity(org.secplane.ike.internal.policy.Identity.fqdn("alice.test"))));
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
        }
    }

    @Test
    void establishTunnelsImmediatelyStartsIkeAtCommit() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        try (Peers p = new Peers(136)) {
            p.bob.apply(s[1]);
            p.alice.apply(vpnChange(s[0], v -> v.withEstablishImmediately(true)));
            assertEquals(1, p.wire.pending(), "IKE_SA_INIT goes out at commit (¶140)");
            p.wire.deliverAll();
            assertMirrored(p);
            p.alice.apply(vpnChange(s[0], v -> v.withEstablishImmediately(true)));
            assertEquals(0, p.wire.pending(), "committing again changes nothing");
        }
    }
}
