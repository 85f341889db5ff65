package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.policy.Identity;
import org.secplane.ike.internal.policy.IkePolicy;
import org.secplane.ike.internal.policy.PeerConfig;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;

/** RFC 7383: messages above the fragment size travel as SKF fragments, each protected on its own. */
class FragmentationTest extends TwoPeerTests {

    static IkePolicy[] bigIdentities() {
        IkePolicy[] s = Scenarios.ecp256Gcm();
        String longName = "a".repeat(60) + "." + "b".repeat(60) + "." + "c".repeat(60) + ".example.test";
        PeerConfig a = s[0].gateways.values().iterator().next().toBuilder().localIdentity(Identity.fqdn(longName)).build();
        return new IkePolicy[] {new IkePolicy(List.of(a), List.copyOf(s[0].vpns.values()), 5), s[1]};
    }

    private static List<Wire.Packet> authRequests(Peers p) {
        return p.wire.sent.stream().filter(x -> x.exchange() == Ike.IKE_AUTH && !x.response()).toList();
    }

    @Test
    void aLargeIkeAuthTravelsInFragmentsAndIsReassembled() {
        try (Peers p = new Peers(111, s -> s.fragmentSize = 200)) {
            IkePolicy[] s = bigIdentities();
            p.apply(s[0], s[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverAll();
            List<Wire.Packet> auth = authRequests(p);
            assertTrue(auth.size() >= 3, "IKE_AUTH in " + auth.size() + " fragments");
            for (Wire.Packet f : auth) {
                assertEquals(Ike.SKF, f.data[16] & 0xFF, "an SKF payload");
                assertTrue(f.data.length <= 200 - 28);
            }
            assertEquals("UP", p.bobIke().get(0).state());
            assertEquals("UP", p.aliceIke().get(0).state());
            assertTrue(p.bobIke().get(0).peerIkeId().endsWith(".example.test"));
            assertMirrored(p);
        }
    }

    @Test
    void aLostFragmentIsRecoveredWhenTheWholeMessageIsSentAgain() {
        try (Peers p = new Peers(112, s -> s.fragmentSize = 200)) {
            IkePolicy[] s = bigIdentities();
            p.apply(s[0], s[1]);
            p.alice.initiate("vpn-bob");
            p.wire.deliverNext();
            p.wire.deliverNext();
            p.wire.deliverNext();
            Wire.Packet lost = p.wire.dropNext();
            assertEquals(Ike.IKE_AUTH, lost.exchange());
            p.wire.deliverAll();
            assertEquals("AUTHENTICATING", p.bobIke().get(0).detailedState(), "bob waits for the missing fragment");
            p.clock.advance(4000);
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals("UP", p.bobIke().get(0).state());
        }
    }

    @Test
    void smallMessagesAreNotFragmented() {
        try (Peers p = established(113)) {
            assertEquals(1, authRequests(p).size());
            assertEquals(Ike.SK, authRequests(p).get(0).data[16] & 0xFF);
        }
    }
}
