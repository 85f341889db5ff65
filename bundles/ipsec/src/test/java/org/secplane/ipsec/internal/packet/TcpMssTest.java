package org.secplane.ipsec.internal.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.ipsec.internal.forward.Packets;

/** MSS clamping: the option lowered, the TCP checksum still right, other packets untouched. */
class TcpMssTest {

    private final PacketInfo info = new PacketInfo();

    @Test
    void aSynWithALargerMssIsClampedAndItsChecksumStaysRight() {
        byte[] syn = Packets.tcpSyn("10.10.10.10", "192.168.168.10", 1460);
        assertTrue(info.parse(syn, 0, syn.length));
        assertTrue(TcpMss.clamp(syn, 0, info, 1350));
        assertEquals(1350, Bytes.u16(syn, 42));
        assertEquals(Packets.tcpChecksum(syn), Bytes.u16(syn, 36));
    }

    @Test
    void aSmallerMssAndPacketsWithoutSynStayAsTheyAre() {
        byte[] syn = Packets.tcpSyn("10.10.10.10", "192.168.168.10", 1200);
        info.parse(syn, 0, syn.length);
        assertFalse(TcpMss.clamp(syn, 0, info, 1350));
        assertEquals(1200, Bytes.u16(syn, 42));

        byte[] ack = Packets.tcpSyn("10.10.10.10", "192.168.168.10", 1460);
        ack[33] = 0x10; // ACK only
        info.parse(ack, 0, ack.length);
        assertFalse(TcpMss.clamp(ack, 0, info, 1350));

        byte[] ping = Packets.ping("10.10.10.10", "192.168.168.10", 1, 56);
        info.parse(ping, 0, ping.length);
        assertFalse(TcpMss.clamp(ping, 0, info, 1350));
    }

    @Test
    void anMssOptionAtAnOddOffsetIsClampedWithTheChecksumRight() {
        // options: NOP, MSS (at offset 21 of the TCP header), NOP, NOP, NOP
        byte[] tcp = new byte[28];
        Bytes.put16(tcp, 0, 40000);
        Bytes.put16(tcp, 2, 443);
        tcp[12] = (byte) (7 << 4);
        tcp[13] = 0x12; // SYN-ACK
        tcp[20] = 1;
        tcp[21] = 2;
        tcp[22] = 4;
        Bytes.put16(tcp, 23, 8960);
        tcp[25] = 1;
        tcp[26] = 1;
        tcp[27] = 1;
        byte[] packet = Packets.ipv4("192.168.168.10", "10.10.10.10", 6, tcp, true);
        Bytes.put16(packet, 36, Packets.tcpChecksum(packet));
        info.parse(packet, 0, packet.length);
        assertTrue(TcpMss.clamp(packet, 0, info, 1320));
        assertEquals(1320, Bytes.u16(packet, 43));
        assertEquals(Packets.tcpChecksum(packet), Bytes.u16(packet, 36));
    }

    @Test
    void headersAreReadWithoutTrustingThem() {
        byte[] syn = Packets.tcpSyn("10.10.10.10", "192.168.168.10", 1460);
        syn[32] = (byte) (15 << 4); // data offset beyond the packet
        info.parse(syn, 0, syn.length);
        assertFalse(TcpMss.clamp(syn, 0, info, 1350));
        assertFalse(info.parse(syn, 0, 19), "shorter than an IPv4 header");
        byte[] bad = syn.clone();
        Bytes.put16(bad, 2, 500);
        assertFalse(info.parse(bad, 0, bad.length), "total length beyond the packet");
    }
}
