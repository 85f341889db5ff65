package org.secplane.ipsec.internal.forward;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.secplane.crypto.Algorithm;
import org.secplane.ipsec.internal.sad.SaPair;
import org.secplane.ipsec.internal.sad.SecurityAssociation;
import org.secplane.ipsec.internal.show.IpsecReports;

/**
 * Packets that must not pass: replayed, tampered, truncated, of unknown SPI, with a bad trailer or inner
 * header, outside the SA's selectors, in the wrong encapsulation; and cleartext without an SA or a matching
 * VPN. Each is dropped and counted, on its SA (the Table 50 errors) and by reason; unknown SPIs and
 * traffic without an SA are told to key management (rate-limited).
 */
class DroppedPacketsTest extends GatewayAndPeer {

    private static final byte[] IV = Packets.hex("000102030405060708090a0b0c0d0e0f");

    private final byte[] inner = Packets.ping("192.168.168.10", "10.10.10.10", 1, 56);

    private byte[] esp(long spi, long sequence, byte[] payload) {
        return ReferencePackets.bcEsp(Algorithm.AES_128_CBC, TestSas.AES_KEY, Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, spi,
                sequence, IV, payload, 4);
    }

    private void fromPeer(byte[] packet) throws Exception {
        peer.send(50, packet, Packets.address("1.1.1.2"));
    }

    private void awaitDrops(DropReason reason, long count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (gateway.plane.drops().get(reason) < count && System.nanoTime() < deadline) {
            Thread.sleep(2);
        }
        assertEquals(count, gateway.plane.drops().get(reason), reason.key());
    }

    private void assertNothingDelivered() throws InterruptedException {
        assertNull(st0.collect(100, TimeUnit.MILLISECONDS), "nothing may come out of st0.0");
    }

    private SaPair pair() {
        return gateway.plane.pairs().get(0);
    }

    @Test
    void replayedAndTooOldPacketsAreDroppedAndCountedAsReplayErrors() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        fromPeer(esp(0x1001, 5, inner));
        assertArrayEquals(inner, Peer.collect(st0));
        fromPeer(esp(0x1001, 5, inner));
        awaitDrops(DropReason.REPLAY, 1);
        fromPeer(esp(0x1001, 100, inner));
        assertArrayEquals(inner, Peer.collect(st0));
        fromPeer(esp(0x1001, 36, inner)); // 100 - 36 = 64: just outside the window of 64
        awaitDrops(DropReason.REPLAY, 2);
        fromPeer(esp(0x1001, 37, inner)); // inside, not seen: accepted out of order
        assertArrayEquals(inner, Peer.collect(st0));
        assertNothingDelivered();
        long[] statistics = pair().inbound().statistics();
        assertEquals(2, statistics[SecurityAssociation.REPLAY_ERRORS]);
        assertEquals(3, statistics[SecurityAssociation.PACKETS]);
        assertTrue(report().contains("AH authentication failures: 0, Replay errors: 2"), report());
    }

    @Test
    void tamperedPacketsFailTheirIcvWhereverTheChangeIs() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        gateway.plane.install(TestSas.gcm("1.1.1.2", "1.1.1.1", 0x1002, 0x2002).tunnelId(131074).build());
        byte[] cbc = esp(0x1001, 1, inner);
        for (int at : new int[] {4, 8, 30, cbc.length - 1}) { // sequence number, IV, ciphertext, ICV
            byte[] tampered = cbc.clone();
            tampered[at] ^= 0x40;
            fromPeer(tampered);
        }
        byte[] gcm = ReferencePackets.bcGcm(Algorithm.AES_128_GCM_16, TestSas.GCM_KEY, 0x1002, 1, inner, 4);
        byte[] tampered = gcm.clone();
        tampered[20] ^= 1;
        fromPeer(tampered);
        awaitDrops(DropReason.ESP_AUTHENTICATION, 5);
        assertNothingDelivered();
        fromPeer(cbc);
        fromPeer(gcm);
        assertArrayEquals(inner, Peer.collect(st0), "a forgery moves no replay window: the real packet still passes");
        assertArrayEquals(inner, Peer.collect(st0));
        assertTrue(report().contains("ESP authentication failures: 5, ESP decryption failures: 0"), report());
    }

    @Test
    void truncatedPacketsAndCiphertextThatIsNoWholeBlockAreDropped() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        fromPeer(Packets.hex("00001001"));
        awaitDrops(DropReason.TRUNCATED, 1);
        fromPeer(Arrays.copyOf(esp(0x1001, 1, inner), 8 + 16 + 12)); // no ciphertext at all
        awaitDrops(DropReason.TRUNCATED, 2);
        // authentic, but the ciphertext is 20 bytes: not a whole number of AES blocks
        fromPeer(ReferencePackets.bcEspOf(null, null, Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, 0x1001, 2, IV, new byte[20]));
        awaitDrops(DropReason.DECRYPTION, 1);
        assertNothingDelivered();
        long[] statistics = pair().inbound().statistics();
        assertEquals(1, statistics[SecurityAssociation.BAD_HEADERS], "the truncated packet with the SA's SPI");
        assertEquals(1, statistics[SecurityAssociation.DECRYPTION_FAILURES]);
    }

    @Test
    void anUnknownSpiIsDroppedAndToldToKeyManagementAtMostTenTimesASecond() throws Exception {
        fromPeer(esp(0x4242, 1, inner));
        awaitDrops(DropReason.UNKNOWN_SPI, 1);
        fromPeer(esp(0x4242, 2, inner));
        awaitDrops(DropReason.UNKNOWN_SPI, 2);
        assertEquals(List.of("unknown-spi 1.1.1.1 4242 50"), keyManager.events);
        gateway.advance(1);
        peer.send(51, Packets.hex("04040000000043430000000100000000000000000000000000000000"), Packets.address("1.1.1.2"));
        awaitDrops(DropReason.UNKNOWN_SPI, 3);
        assertEquals(List.of("unknown-spi 1.1.1.1 4242 50", "unknown-spi 1.1.1.1 4343 51"), keyManager.events);
    }

    @Test
    void aBadTrailerOrInnerPacketIsDroppedAfterAuthentication() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).build());
        byte[] padTooLong = new byte[32];
        padTooLong[30] = (byte) 200;
        padTooLong[31] = 4;
        fromPeer(ReferencePackets.bcEspOf(Algorithm.AES_128_CBC, TestSas.AES_KEY, Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY,
                0x1001, 1, IV, padTooLong));
        fromPeer(ReferencePackets.bcEsp(Algorithm.AES_128_CBC, TestSas.AES_KEY, Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY,
                0x1001, 2, IV, inner, 17)); // tunnel mode carries IP, not UDP
        awaitDrops(DropReason.BAD_TRAILER, 2);
        byte[] garbage = new byte[40];
        Arrays.fill(garbage, (byte) 0xab);
        fromPeer(esp(0x1001, 3, garbage));
        awaitDrops(DropReason.BAD_INNER_HEADER, 1);
        assertNothingDelivered();
        long[] statistics = pair().inbound().statistics();
        assertEquals(2, statistics[SecurityAssociation.BAD_TRAILERS]);
        assertEquals(1, statistics[SecurityAssociation.BAD_HEADERS]);
        assertTrue(report().contains("Bad headers: 1, Bad trailers: 2"), report());
    }

    @Test
    void anInnerPacketOutsideTheSelectorsIsDropped() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001)
                .selectors(List.of(TestSas.prefix("10.10.10.0/24")), List.of(TestSas.prefix("192.168.168.0/24"))).build());
        fromPeer(esp(0x1001, 1, Packets.ping("172.16.0.1", "10.10.10.10", 1, 56)));
        awaitDrops(DropReason.SELECTOR_MISMATCH, 1);
        fromPeer(esp(0x1001, 2, inner));
        assertArrayEquals(inner, Peer.collect(st0));
    }

    @Test
    void plainEspForAUdpEncapsulatedSaIsDropped() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001).udpEncapsulation(4500, 4500).build());
        fromPeer(esp(0x1001, 1, inner));
        awaitDrops(DropReason.WRONG_ENCAPSULATION, 1);
        assertNothingDelivered();
    }

    @Test
    void aTamperedAhPacketIsDroppedAndCounted() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x3001, 0x3002).protocol(51)
                .algorithms(null, Algorithm.HMAC_SHA1_96).inboundKeys(null, TestSas.SHA1_KEY.clone())
                .outboundKeys(null, TestSas.SHA1_KEY.clone()).build());
        byte[] ah = ReferencePackets.bcAh(Algorithm.HMAC_SHA1_96, TestSas.SHA1_KEY, 0x3001, 1, inner,
                Packets.address("1.1.1.1").getAddress(), Packets.address("1.1.1.2").getAddress());
        byte[] tampered = ah.clone();
        tampered[ah.length - 1] ^= 1; // the payload: AH authenticates it but does not hide it
        peer.send(51, tampered, Packets.address("1.1.1.2"));
        awaitDrops(DropReason.AH_AUTHENTICATION, 1);
        peer.send(51, ah, Packets.address("1.1.1.2"));
        assertArrayEquals(inner, Peer.collect(st0));
        assertTrue(report().contains("AH authentication failures: 1, Replay errors: 0"), report());
    }

    @Test
    void trafficWithoutAnSaAsksKeyManagementOnceASecondAndIsDropped() throws Exception {
        gateway.plane.apply(new DataPlaneSettings(0, List.of(new DataPlaneSettings.Vpn("vpn9", "st0.0", true, List.of(),
                List.of())), List.of()));
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, 56));
        awaitDrops(DropReason.NO_SA, 1);
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 2, 56));
        awaitDrops(DropReason.NO_SA, 2);
        assertEquals(List.of("acquire vpn9 10.10.10.10 -> 192.168.168.10 proto 1"), keyManager.events);
        gateway.advance(1);
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 3, 56));
        awaitDrops(DropReason.NO_SA, 3);
        assertEquals(2, keyManager.events.size());
        assertTrue(peer.quiet(50, 50), "nothing left towards the peer");
    }

    @Test
    void cleartextThatMatchesNoVpnOrIsNoIpPacketIsDropped() throws Exception {
        gateway.plane.install(TestSas.cbc("1.1.1.2", "1.1.1.1", 0x1001, 0x2001)
                .selectors(List.of(TestSas.prefix("10.10.10.0/24")), List.of(TestSas.prefix("192.168.168.0/24"))).build());
        st0.inject(Packets.ping("10.10.10.10", "8.8.8.8", 1, 56));
        awaitDrops(DropReason.NO_POLICY, 1);
        st0.inject("not an IP packet".getBytes(StandardCharsets.US_ASCII));
        awaitDrops(DropReason.NOT_IP, 1);
        st0.inject(Packets.ping("10.10.10.10", "192.168.168.10", 1, 56));
        byte[] sent = peer.receive(50);
        assertEquals(0x2001, org.secplane.ipsec.internal.packet.Bytes.u32(sent, 0), "the matching packet leaves on the SA");
        assertEquals(List.of(), keyManager.events);
    }

    private String report() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        IpsecReports.statistics(gateway.plane.pairs(), new IpsecReports.Filter(0, null, true), gateway.plane.drops())
                .printText(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
