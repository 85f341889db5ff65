package org.secplane.driver.linux.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TunOffloadTest {

    private static final int MSS = 1360;

    @Test
    void cutsAnIpv4TcpSuperPacketIntoValidSegments() {
        byte[] payload = randomBytes(MSS * 5 + 123);
        byte[] packet = ipv4Tcp(payload, 0x19 /* FIN PSH ACK */ | 0x80 /* CWR */);
        TunOffload offload = load(packet, TunOffload.GSO_TCPV4);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        byte[] out = new byte[2000];
        for (int i = 0; i < 6; i++) {
            assertTrue(offload.hasNext());
            int length = offload.next(out, 0);
            int chunk = i < 5 ? MSS : 123;
            assertEquals(20 + 20 + chunk, length);
            ByteBuffer view = ByteBuffer.wrap(out, 0, length);
            assertEquals(length, view.getShort(2) & 0xffff, "IPv4 total length");
            assertEquals(0x1234 + i, view.getShort(4) & 0xffff, "IPv4 id");
            assertEquals(0xffff, TunOffload.fold(TunOffload.sum(out, 0, 20, 0)), "IPv4 header checksum");
            assertEquals(1_000_000 + i * MSS, view.getInt(24), "sequence number");
            int flags = out[33] & 0xff;
            assertEquals(i == 0, (flags & 0x80) != 0, "CWR on the first segment only");
            assertEquals(i == 5, (flags & 0x09) == 0x09, "FIN and PSH on the last segment only");
            assertTrue((flags & 0x10) != 0, "ACK on every segment");
            long pseudo = TunOffload.sum(out, 12, 8, 0) + 6 + (length - 20);
            assertEquals(0xffff, TunOffload.fold(TunOffload.sum(out, 20, length - 20, pseudo)), "TCP checksum");
            joined.write(out, 40, chunk);
        }
        assertFalse(offload.hasNext());
        assertArrayEquals(payload, joined.toByteArray());
    }

    @Test
    void cutsAnIpv6TcpSuperPacket() {
        byte[] payload = randomBytes(MSS * 2 + 1);
        byte[] packet = new byte[40 + 20 + payload.length];
        ByteBuffer view = ByteBuffer.wrap(packet);
        view.put(0, (byte) 0x60).putShort(4, (short) (20 + payload.length)).put(6, (byte) 6).put(7, (byte) 64);
        for (int i = 0; i < 32; i++) {
            packet[8 + i] = (byte) (i + 1);
        }
        tcpHeader(view, 40, 0x18);
        System.arraycopy(payload, 0, packet, 60, payload.length);
        TunOffload offload = load(packet, TunOffload.GSO_TCPV6);
        byte[] out = new byte[2000];
        int[] chunks = {MSS, MSS, 1};
        for (int i = 0; i < chunks.length; i++) {
            int length = offload.next(out, 0);
            assertEquals(60 + chunks[i], length);
            assertEquals(20 + chunks[i], ByteBuffer.wrap(out).getShort(4) & 0xffff, "IPv6 payload length");
            long pseudo = TunOffload.sum(out, 8, 32, 0) + 6 + (length - 40);
            assertEquals(0xffff, TunOffload.fold(TunOffload.sum(out, 40, length - 40, pseudo)), "TCP checksum");
        }
        assertFalse(offload.hasNext());
    }

    @Test
    void finishesAPartialChecksumOfASinglePacket() {
        byte[] packet = new byte[20 + 8 + 11];
        ByteBuffer view = ByteBuffer.wrap(packet);
        view.put(0, (byte) 0x45).putShort(2, (short) packet.length).put(8, (byte) 64).put(9, (byte) 17);
        view.putInt(12, 0x0a0a0a0a).putInt(16, 0xc0a8a80a);
        view.putShort(20, (short) 5000).putShort(22, (short) 53).putShort(24, (short) 19);
        System.arraycopy(randomBytes(11), 0, packet, 28, 11);
        // the kernel leaves the pseudo-header sum (not complemented) in the field
        view.putShort(26, (short) TunOffload.fold(TunOffload.sum(packet, 12, 8, 0) + 17 + 19));
        TunOffload offload = new TunOffload(65535);
        System.arraycopy(packet, 0, offload.buffer(), 0, packet.length);
        assertTrue(offload.load(packet.length, TunOffload.F_NEEDS_CSUM, TunOffload.GSO_NONE, 0, 20, 6));
        byte[] out = new byte[100];
        assertEquals(packet.length, offload.next(out, 0));
        assertFalse(offload.hasNext());
        long pseudo = TunOffload.sum(out, 12, 8, 0) + 17 + 19;
        assertEquals(0xffff, TunOffload.fold(TunOffload.sum(out, 20, 19, pseudo)), "UDP checksum");
    }

    @Test
    void refusesWhatItCannotCut() {
        byte[] packet = ipv4Tcp(randomBytes(3000), 0x10);
        packet[9] = 17; // UDP, announced as TCP segmentation
        TunOffload offload = new TunOffload(65535);
        System.arraycopy(packet, 0, offload.buffer(), 0, packet.length);
        assertFalse(offload.load(packet.length, 1, TunOffload.GSO_TCPV4, MSS, 20, 16));
        assertFalse(offload.hasNext());
        assertFalse(offload.load(packet.length, 1, 3 /* UDP fragmentation offload */, MSS, 20, 6));
    }

    private static TunOffload load(byte[] packet, int type) {
        TunOffload offload = new TunOffload(65535);
        System.arraycopy(packet, 0, offload.buffer(), 0, packet.length);
        assertTrue(offload.load(packet.length, TunOffload.F_NEEDS_CSUM, type, MSS, packet[0] >>> 4 == 4 ? 20 : 40, 16));
        return offload;
    }

    private static byte[] ipv4Tcp(byte[] payload, int flags) {
        byte[] packet = new byte[40 + payload.length];
        ByteBuffer view = ByteBuffer.wrap(packet);
        view.put(0, (byte) 0x45).putShort(2, (short) 0).putShort(4, (short) 0x1234).put(8, (byte) 64).put(9, (byte) 6);
        view.putInt(12, 0x0a0a0a0a).putInt(16, 0xc0a8a80a);
        tcpHeader(view, 20, flags);
        System.arraycopy(payload, 0, packet, 40, payload.length);
        return packet;
    }

    private static void tcpHeader(ByteBuffer view, int at, int flags) {
        view.putShort(at, (short) 40000).putShort(at + 2, (short) 5001).putInt(at + 4, 1_000_000).putInt(at + 8, 77);
        view.put(at + 12, (byte) 0x50).put(at + 13, (byte) flags).putShort(at + 14, (short) 65535);
        view.putShort(at + 16, (short) 0xabcd); // a partial sum the segmenter replaces
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        new Random(length).nextBytes(bytes);
        return bytes;
    }
}
