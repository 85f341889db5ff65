package org.secplane.ipsec.internal.packet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.secplane.ipsec.internal.forward.Packets;

/** What the data plane reads of a packet, IPv4 and IPv6 (with extension headers and fragments). */
class PacketInfoTest {

    private final PacketInfo info = new PacketInfo();

    @Test
    void ipv4UdpAddressesPortsAndDf() {
        byte[] packet = Packets.ipv4("10.1.2.3", "192.168.0.1", 17, Packets.udp(5353, 53, new byte[4]), true);
        assertTrue(info.parse(packet, 0, packet.length));
        assertEquals(4, info.version);
        assertEquals(17, info.protocol);
        assertEquals(0x0a010203L, info.sourceLow);
        assertEquals(0xc0a80001L, info.destinationLow);
        assertEquals(5353, info.sourcePort);
        assertEquals(53, info.destinationPort);
        assertTrue(info.dontFragment);
        assertEquals(packet.length, info.totalLength);
    }

    @Test
    void ipv6AfterHopByHopAndFragmentHeaders() {
        byte[] udp = Packets.udp(1000, 2000, new byte[8]);
        byte[] extensions = new byte[16 + udp.length];
        extensions[0] = 44; // hop-by-hop, then a fragment header
        extensions[1] = 0;
        extensions[8] = 17; // fragment header: next UDP, offset 0
        System.arraycopy(udp, 0, extensions, 16, udp.length);
        byte[] packet = Packets.ipv6("2001:db8::1", "2001:db8::2", 0, extensions);
        assertTrue(info.parse(packet, 0, packet.length));
        assertEquals(6, info.version);
        assertEquals(17, info.protocol);
        assertEquals(56, info.headerLength);
        assertEquals(1000, info.sourcePort);
        assertEquals(0x20010db800000000L, info.sourceHigh);
        assertEquals(2, info.destinationLow);
        assertFalse(info.laterFragment);

        packet[40 + 8 + 3] = 8; // fragment offset 1: no transport header in this one
        assertTrue(info.parse(packet, 0, packet.length));
        assertTrue(info.laterFragment);
        assertEquals(0, info.sourcePort);
    }

    @Test
    void notAnIpPacket() {
        assertFalse(info.parse(new byte[] {0x10, 0, 0, 0}, 0, 4));
        assertFalse(info.parse(new byte[0], 0, 0));
    }
}
