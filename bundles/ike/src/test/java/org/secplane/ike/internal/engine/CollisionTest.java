package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ipsec.ChildSa;

/** The collisions of RFC 7296 §2.8.1 and §2.25, each with both sides' states asserted. */
class CollisionTest extends TwoPeerTests {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void simultaneousChildRekeyKeepsExactlyOneNewPairOnBothSides(long seed) {
        try (Peers p = established(seed)) {
            ChildSa old = only(p.aliceSas);
            assertEquals(1, p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID));
            assertEquals(1, p.bob.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID));
            assertEquals(2, p.wire.pending(), "both rekey requests are on the wire");
            p.wire.deliverNext(); // alice's request reaches bob, whose own rekey is in flight
            p.wire.deliverNext(); // bob's request reaches alice, whose own rekey is in flight
            assertEquals(2, p.aliceSas.installed.size(), "the old pair and the one bob asked for");
            assertEquals(2, p.bobSas.installed.size());
            p.wire.deliverNext(); // bob's response: alice resolves
            p.wire.deliverNext(); // alice's response: bob resolves
            p.wire.deliverAll();  // the deletes
            ChildSa a = only(p.aliceSas);
            ChildSa b = only(p.bobSas);
            assertEquals(a.inboundSpi(), b.outboundSpi());
            assertEquals(a.outboundSpi(), b.inboundSpi());
            assertNotEquals(old.inboundSpi(), a.inboundSpi());
            assertNotEquals(old.outboundSpi(), a.outboundSpi());
            assertMirrored(p);
            assertEquals(IkeEngine.FIRST_TUNNEL_ID, a.tunnelId(), "a rekey keeps the tunnel ID");
            assertEquals("INSTALLED", p.aliceChildren().get(0).negotiationState());
            assertEquals(0, allDrops(p.alice));
            assertEquals(0, allDrops(p.bob));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void simultaneousIkeRekeyKeepsExactlyOneNewIkeSaWithTheChildSas(long seed) {
        try (Peers p = established(seed)) {
            IkeSaInfo before = p.aliceIke().get(0);
            ChildSa child = only(p.aliceSas);
            assertTrue(p.alice.rekeyIkeSecurityAssociation(before.index()));
            assertTrue(p.bob.rekeyIkeSecurityAssociation(p.bobIke().get(0).index()));
            p.wire.deliverNext();
            p.wire.deliverNext();
            assertEquals(2, p.aliceIke().size(), "the old IKE SA and the one bob asked for");
            p.wire.deliverNext();
            p.wire.deliverNext();
            p.wire.deliverAll();
            List<IkeSaInfo> a = p.aliceIke();
            List<IkeSaInfo> b = p.bobIke();
            assertEquals(1, a.size(), a.toString());
            assertEquals(1, b.size(), b.toString());
            assertEquals(a.get(0).initiatorSpi(), b.get(0).initiatorSpi());
            assertEquals(a.get(0).responderSpi(), b.get(0).responderSpi());
            assertNotEquals(before.initiatorSpi(), a.get(0).initiatorSpi());
            assertEquals("UP", a.get(0).state());
            assertEquals(child.inboundSpi(), only(p.aliceSas).inboundSpi(), "the CHILD SA survives an IKE rekey");
            assertEquals(a.get(0).index(), p.aliceChildren().get(0).ikeSaIndex(), "and belongs to the surviving IKE SA");
            assertEquals(b.get(0).index(), p.bobChildren().get(0).ikeSaIndex());
            assertMirrored(p);
            // the surviving SA works: a CHILD rekey over it
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            p.wire.deliverAll();
            assertNotEquals(child.inboundSpi(), only(p.aliceSas).inboundSpi());
            assertMirrored(p);
            assertEquals(0, allDrops(p.alice));
            assertEquals(0, allDrops(p.bob));
        }
    }

    @Test
    void rekeyVersusDeleteOfTheSameChildSaEndsWithTheChildSaGoneOnBothSides() {
        try (Peers p = established(7)) {
            assertEquals(1, p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID));
            assertEquals(1, p.bob.clearChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID));
            assertEquals(Ike.CREATE_CHILD_SA, p.wire.peek().exchange());
            p.wire.deliverNext(); // alice's rekey at bob, who is deleting it: TEMPORARY_FAILURE
            p.wire.deliverNext(); // bob's delete at alice: she deletes and answers
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty(), p.aliceSas.installed.toString());
            assertTrue(p.bobSas.installed.isEmpty(), p.bobSas.installed.toString());
            assertTrue(p.aliceChildren().isEmpty());
            assertEquals("UP", p.aliceIke().get(0).state(), "the IKE SA stays");
            assertEquals("UP", p.bobIke().get(0).state());
            assertTrue(p.alice.childFailures().get("vpn-bob").contains("TEMPORARY_FAILURE"));
        }
    }

    @Test
    void deleteVersusDeleteOfTheSameChildSaAnswersWithoutTheDeletedSpis() {
        try (Peers p = established(8)) {
            p.alice.clearChildSecurityAssociations(0);
            p.bob.clearChildSecurityAssociations(0);
            assertEquals(2, p.wire.pending());
            p.wire.deliverAll();
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
            assertEquals(1, p.aliceSas.removed.size());
            assertEquals(1, p.bobSas.removed.size());
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals(1, p.aliceIke().get(0).ipsecSasDeleted());
            assertEquals(0, allDrops(p.alice));
            assertEquals(0, allDrops(p.bob));
        }
    }

    @Test
    void deleteVersusDeleteOfTheIkeSaRemovesItOnBothSides() {
        try (Peers p = established(9)) {
            p.alice.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
            p.bob.clearIkeSecurityAssociations(IkeEngine.IkeSaFilter.all());
            p.wire.deliverAll();
            assertTrue(p.aliceIke().isEmpty());
            assertTrue(p.bobIke().isEmpty());
            assertTrue(p.aliceSas.installed.isEmpty());
            assertTrue(p.bobSas.installed.isEmpty());
        }
    }

    @Test
    void simultaneousInitiationEndsWithOneIkeSaAndOneTunnel() {
        try (Peers p = new Peers(10)) {
            var policies = org.secplane.ike.internal.testkit.Scenarios.ecp256Gcm();
            p.apply(policies[0], policies[1]);
            p.alice.initiate("vpn-bob");
            p.bob.initiate("vpn-alice");
            p.wire.deliverAll();
            assertEquals(1, p.aliceIke().size(), p.aliceIke().toString());
            assertEquals(1, p.bobIke().size());
            assertEquals(1, p.aliceSas.installed.size());
            assertMirrored(p);
            assertFalse(p.aliceChildren().isEmpty());
        }
    }
}
