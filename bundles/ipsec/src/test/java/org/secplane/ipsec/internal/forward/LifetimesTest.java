package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secplane.ipsec.ChildSa;
import org.secplane.ipsec.Lifetime;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * Lifetimes and sequence numbers: soft and hard volume limits go to key management once each and the hard
 * one stops the SA; a negotiated SA stops before its 32-bit sequence number wraps (and asks for a rekey
 * first), a manual one wraps; the hard lifetime in seconds removes a pair key management left behind, whose
 * crypto objects are closed two seconds later; {@code show} counts the lifetimes down.
 */
class LifetimesTest extends GatewayAndPeer {

    private SaPair install(ChildSa sa) {
        gateway.plane.install(sa);
        return gateway.plane.pairs().get(gateway.plane.pairs().size() - 1);
    }

    private byte[] send(int size) throws Exception {
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, size - 28));
        return peer.receive(50);
    }

    @Test
    void volumeLimitsGoToKeyManagementOnceAndTheHardOneStopsTheSa() throws Exception {
        install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).lifetime(new Lifetime(3600, 3000, 64, 53)).build());
        int sent = 0;
        while (keyManager.events.isEmpty()) {
            send(1400);
            sent++;
        }
        assertEquals(53 * 1024 / 1400 + 1, sent, "soft at 53 KB");
        assertEquals(List.of("soft 1001"), keyManager.events);
        while (keyManager.events.size() < 2) {
            send(1400);
            sent++;
        }
        assertEquals(64 * 1024 / 1400 + 1, sent, "hard at 64 KB");
        assertEquals(List.of("soft 1001", "hard 1001"), keyManager.events);
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, 100));
        assertTrue(peer.quiet(50, 100), "nothing more leaves on it");
        assertEquals(1, gateway.plane.drops().get(DropReason.SA_EXPIRED));
        String summary = TwoRuntimesTest.text(IpsecReports.securityAssociations(gateway.plane.pairs(),
                new IpsecReports.Filter(0, null, true), false, gateway.plane.nanoTime()));
        assertTrue(summary.contains(">131073 ESP:aes-128/sha1 2001      3600/ 0      -   root 500   1.1.1.1"), summary);
        assertTrue(summary.contains("<131073 ESP:aes-128/sha1 1001      3600/ 64     -   root 500   1.1.1.1"), summary);
    }

    @Test
    void aNegotiatedSaAsksForARekeyAtFiveSixthsOfItsSequenceNumbersAndStopsAtTheLast() throws Exception {
        SaPair pair = install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        pair.outbound().startSequence(DataPlane.SOFT_SEQUENCE - 1, 0);
        assertEquals(DataPlane.SOFT_SEQUENCE, Bytes.u32(send(100), 4));
        assertEquals(List.of("soft 1001"), keyManager.events);
        pair.outbound().startSequence(0xfffffffeL, 0);
        assertEquals(0xffffffffL, Bytes.u32(send(100), 4), "the last sequence number is used");
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, 100));
        assertTrue(peer.quiet(50, 100), "it would wrap: nothing is sent");
        assertEquals(List.of("soft 1001", "hard 1001"), keyManager.events);
        assertEquals(1, gateway.plane.drops().get(DropReason.SA_EXPIRED));
    }

    @Test
    void aManualSaLetsItsSequenceNumberWrapAndTellsKeyManagementNothing() throws Exception {
        SaPair pair = install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x1001).origin(ChildSa.Origin.MANUAL)
                .lifetime(new Lifetime(0, 0, 0, 0)).replayWindow(0).build());
        pair.outbound().startSequence(0xffffffffL, 0);
        byte[] wrapped = send(100);
        assertEquals(0, Bytes.u32(wrapped, 4));
        assertEquals(1, Bytes.u32(send(100), 4));
        assertEquals(List.of(), keyManager.events);
        // and the manual receiver takes packets whatever their number: a restarted peer starts again at 1
        peer.send(50, ReferencePackets.bcEsp(org.secplane.crypto.Algorithm.AES_128_CBC, TestSas.AES_KEY,
                org.secplane.crypto.Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, 0x1001, 7, new byte[16],
                Packets.ping("192.168.168.10", "10.10.10.10", 1, 10), 4), Packets.address("1.1.1.2"));
        Peer.collect(st0);
        peer.send(50, ReferencePackets.bcEsp(org.secplane.crypto.Algorithm.AES_128_CBC, TestSas.AES_KEY,
                org.secplane.crypto.Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, 0x1001, 1, new byte[16],
                Packets.ping("192.168.168.10", "10.10.10.10", 2, 10), 4), Packets.address("1.1.1.2"));
        Peer.collect(st0);
    }

    @Test
    void theHardLifetimeRemovesAPairKeyManagementLeftAndItsCryptoIsClosedLater() throws Exception {
        SaPair pair = install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001)
                .lifetime(new Lifetime(180, 150, 0, 0)).build());
        send(100);
        peer.send(50, ReferencePackets.bcEsp(org.secplane.crypto.Algorithm.AES_128_CBC, TestSas.AES_KEY,
                org.secplane.crypto.Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, 0x1001, 1, new byte[16],
                Packets.ping("192.168.168.10", "10.10.10.10", 1, 10), 4), Packets.address("1.1.1.2"));
        Peer.collect(st0);
        assertTrue(pair.outbound().hasCryptoState() && pair.inbound().hasCryptoState());
        String detail = detail();
        assertTrue(detail.contains("    Hard lifetime: Expires in 180 seconds"), detail);
        assertTrue(detail.contains("    Soft lifetime: Expires in 150 seconds"), detail);
        gateway.advance(151);
        detail = detail();
        assertTrue(detail.contains("    Hard lifetime: Expires in 29 seconds"), detail);
        assertTrue(detail.contains("    Soft lifetime: Expired"), detail);
        gateway.advance(28);
        gateway.plane.tick();
        assertEquals(1, gateway.plane.pairs().size());
        gateway.advance(1);
        gateway.plane.tick();
        assertEquals(List.of(), gateway.plane.pairs(), "removed at 180 s");
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, 100));
        assertTrue(peer.quiet(50, 100));
        assertTrue(pair.outbound().hasCryptoState(), "a packet thread may still be inside it");
        gateway.advance(2);
        gateway.plane.tick();
        assertFalse(pair.outbound().hasCryptoState() || pair.inbound().hasCryptoState(), "closed two seconds later");
    }

    @Test
    void cryptoObjectsAreMadeAtTheFirstPacketOfEachDirection() throws Exception {
        SaPair pair = install(TestSas.gcm("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        assertFalse(pair.outbound().hasCryptoState() || pair.inbound().hasCryptoState(), "an idle tunnel holds key bytes only");
        send(100);
        assertTrue(pair.outbound().hasCryptoState());
        assertFalse(pair.inbound().hasCryptoState());
        byte[] inner = Packets.ping("192.168.168.10", "10.10.10.10", 1, 10);
        peer.send(50, ReferencePackets.bcGcm(org.secplane.crypto.Algorithm.AES_128_GCM_16, TestSas.GCM_KEY, 0x1001, 1, inner, 4),
                Packets.address("1.1.1.2"));
        assertArrayEquals(inner, Peer.collect(st0));
        assertTrue(pair.inbound().hasCryptoState());
    }

    private String detail() {
        return TwoRuntimesTest.text(IpsecReports.securityAssociations(gateway.plane.pairs(), new IpsecReports.Filter(0, null, true),
                true, gateway.plane.nanoTime()));
    }

    static long seconds(long n) {
        return TimeUnit.SECONDS.toNanos(n);
    }
}
