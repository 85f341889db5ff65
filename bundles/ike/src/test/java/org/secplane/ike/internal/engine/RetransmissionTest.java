package org.secplane.ike.internal.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.testkit.Peers;
import org.secplane.ike.internal.testkit.Scenarios;
import org.secplane.ike.internal.testkit.Wire;
import org.secplane.ipsec.ChildSa;

/** Lost requests and responses: retransmission with back-off, duplicate requests answered from the cache. */
class RetransmissionTest extends TwoPeerTests {

    @Test
    void aLostRequestIsSentAgainUnchangedAfterFourSeconds() {
        try (Peers p = new Peers(21)) {
            var policies = Scenarios.ecp256Gcm();
            p.apply(policies[0], policies[1]);
            p.alice.initiate("vpn-bob");
            Wire.Packet lost = p.wire.dropNext();
            assertEquals(Ike.IKE_SA_INIT, lost.exchange());
            p.clock.advance(3999);
            assertEquals(0, p.wire.pending(), "nothing before the retransmission timeout");
            p.clock.advance(1);
            assertEquals(1, p.wire.pending());
            assertArrayEquals(lost.data, p.wire.peek().data, "the same request");
            p.wire.deliverAll();
            assertEquals("UP", p.aliceIke().get(0).state());
            assertEquals("UP", p.bobIke().get(0).state());
            assertMirrored(p);
        }
    }

    @Test
    void aLostResponseMakesTheRequestComeAgainAndTheCachedResponseAnswersIt() {
        try (Peers p = established(22)) {
            ChildSa old = only(p.aliceSas);
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            Wire.Packet request = p.wire.deliverNext();
            Wire.Packet response = p.wire.dropNext();
            assertTrue(response.response());
            assertEquals(2, p.bobSas.installed.size(), "bob made the new pair once");
            p.clock.advance(4000);
            Wire.Packet again = p.wire.deliverNext();
            assertArrayEquals(request.data, again.data, "alice sends the same request again");
            assertArrayEquals(response.data, p.wire.peek().data, "bob answers from his cache, byte for byte");
            assertEquals(1, drops(p.bob, DropReason.RETRANSMITTED_REQUEST));
            assertEquals(2, p.bobSas.installed.size(), "and makes nothing new");
            p.wire.deliverAll();
            assertNotEquals(old.inboundSpi(), only(p.aliceSas).inboundSpi());
            assertMirrored(p);
        }
    }

    @Test
    void retransmissionsBackOffExponentiallyAndThenThePeerIsGivenUp() {
        try (Peers p = established(23)) {
            p.wire.blackhole(pk -> pk.from.getAddress().getHostAddress().equals(Peers.BOB));
            p.alice.rekeyChildSecurityAssociations(IkeEngine.FIRST_TUNNEL_ID);
            long[] expectedGaps = {4000, 7200, 12960, 23328, 41990};
            for (long gap : expectedGaps) {
                p.wire.deliverAll();
                p.clock.advance(gap - 1);
                assertEquals(0, p.wire.pending(), "no retransmission before " + gap + " ms");
                p.clock.advance(1);
                assertEquals(1, p.wire.pending(), "a retransmission after " + gap + " ms");
            }
            p.wire.deliverAll();
            p.clock.advance(75_582);
            assertTrue(p.aliceIke().isEmpty(), "given up after 5 retransmissions");
            assertTrue(p.aliceSas.installed.isEmpty(), "its CHILD SAs are uninstalled");
            assertEquals(6, p.wire.sent.stream().filter(x -> x.exchange() == Ike.CREATE_CHILD_SA && !x.response()).count());
        }
    }
}
