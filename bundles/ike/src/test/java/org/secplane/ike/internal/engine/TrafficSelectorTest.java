package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;
import org.secplane.ike.internal.testkit.Scenarios;

/** D-11: the responder narrows to its configuration; route-based 0/0 accepts the peer's; disjoint ones fail. */
class TrafficSelectorTest extends TwoPeerTests {

    private static IkePolicy[] selectors(String aLocal, String aRemote, String bLocal, String bRemote) {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        PeerConfig ga = s[0].gateways.values().iterator().next();
        PeerConfig gb = s[1].gateways.values().iterator().next();
        return new IkePolicy[] {
            Policies.policy(ga, Policies.vpn("vpn-bob", "gw-bob", List.of(Policies.espGcm()), aLocal, aRemote, false)),
            Policies.policy(gb, Policies.vpn("vpn-alice", "gw-alice", List.of(Policies.espGcm()), bLocal, bRemote, false))};
    }

    @Test
    void theResponderNarrowsToItsConfiguredSelectors() {
        try (Peers p = established(new Peers(81), selectors("10.1.0.0/16", "10.2.0.0/16", "10.2.1.0/24", "10.1.0.0/16"))) {
            ChildSaInfo a = p.aliceChildren().get(0);
            ChildSaInfo b = p.bobChildren().get(0);
            assertEquals("ipv4_subnet(any:0,[0..7]=10.2.1.0/24)", a.remoteIdentity());
            assertEquals("ipv4_subnet(any:0,[0..7]=10.1.0.0/16)", a.localIdentity());
            assertEquals("ipv4_subnet(any:0,[0..7]=10.2.1.0/24)", b.localIdentity());
            assertEquals(a.remoteSelector(), b.localSelector());
            assertEquals(a.localSelector(), b.remoteSelector());
        }
    }

    @Test
    void aRouteBasedResponderWithTheDefaultSelectorsInstallsWhatThePeerProposes() {
        // E1: the SSG proposes 192.168.168.0/24 <-> 10.10.10.0/24, the SRX has the default 0.0.0.0/0 both ways
        try (Peers p = established(new Peers(82), selectors("192.168.168.0/24", "10.10.10.0/24", "0.0.0.0/0", "0.0.0.0/0"))) {
            ChildSaInfo b = p.bobChildren().get(0);
            assertEquals("ipv4_subnet(any:0,[0..7]=10.10.10.0/24)", b.localIdentity());
            assertEquals("ipv4_subnet(any:0,[0..7]=192.168.168.0/24)", b.remoteIdentity());
        }
    }

    @Test
    void disjointSelectorsFailWithTsUnacceptableAndTheIkeSaStays() {
        try (Peers p = new Peers(83)) {
            IkePolicy[] s = selectors("10.1.0.0/16", "10.2.0.0/16", "10.3.0.0/16", "10.1.0.0/16");
            p.apply(s[0], s[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.alice.childFailures().get("vpn-bob").contains("TS_UNACCEPTABLE"));
            assertTrue(p.bob.childFailures().get("vpn-alice").contains("TS_UNACCEPTABLE"));
        }
    }
}
