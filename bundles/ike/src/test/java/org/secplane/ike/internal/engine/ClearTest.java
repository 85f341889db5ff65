package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Policies;

/** {@code clear security ike|ipsec security-associations} with their selections (¶198, ¶226). */
class ClearTest extends TwoPeerTests {

    @Test
    void clearingByIndexRemovesThatIkeSaAndItsChildSasOnBothSides() {
        try (Peers p = established(141)) {
            int index = p.aliceIke().get(0).index();
            assertEquals(0, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.index(index + 100)));
            assertEquals(1, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.index(index)));
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
            assertTrue(p.aliceSas.installed.isEmpty(), "IKEv2: the CHILD SAs go with the IKE SA (¶198)");
            assertTrue(p.bobSas.installed.isEmpty());
        }
    }

    @Test
    void clearingByPeerAddressAndPortSelectsByBoth() {
        try (Peers p = established(142)) {
            assertEquals(0, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.peer(Policies.ip(Peers.BOB), 4500)));
            assertEquals(0, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.peer(Policies.ip("10.9.9.9"), 0)));
            assertEquals(0, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.family(6)));
            assertEquals(1, p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.peer(Policies.ip(Peers.BOB), 500)));
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
        }
    }

    @Test
    void clearingIpsecSasByTunnelIdKeepsTheIkeSa() {
        try (Peers p = established(143)) {
            assertEquals(0, p.alice.clearChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID + 1));
            assertEquals(1, p.alice.clearChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID));
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
            assertEquals("UP", p.aliceIke().get(0).state());
            assertTrue(p.alice.initiate("vpn-bob"));
            p.wire.deliverAll();
            assertEquals(IkeEngine.FIRST_TUNNEL_ID, p.aliceChildren().get(0).tunnelId(), "the VPN keeps its tunnel ID (D-46)");
            assertMirrored(p);
        }
    }
}
