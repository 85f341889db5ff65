package org.secplane.ipsec.internal.forward;

import java.net.InetAddress;
import java.util.HexFormat;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.packet.Checksums;

/** IP packets for tests: IPv4/IPv6 with ICMP echo, UDP or TCP SYN payloads, checksums right. */
public final class Packets {

    private static final HexFormat HEX = HexFormat.of();

    private Packets() {
    }

    public static byte[] hex(String text) {
        return HEX.parseHex(text.replaceAll("\\s+", ""));
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    public static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** An IPv4 packet of {@code protocol} with {@code payload}, TTL 64, the header checksum set. */
    public static byte[] ipv4(String source, String destination, int protocol, byte[] payload, boolean dontFragment) {
        byte[] packet = new byte[20 + payload.length];
        packet[0] = 0x45;
        Bytes.put16(packet, 2, packet.length);
        Bytes.put16(packet, 4, 0x1234);
        if (dontFragment) {
            packet[6] = 0x40;
        }
        packet[8] = 64;
        packet[9] = (byte) protocol;
        System.arraycopy(address(source).getAddress(), 0, packet, 12, 4);
        System.arraycopy(address(destination).getAddress(), 0, packet, 16, 4);
        Bytes.put16(packet, 10, Checksums.checksum(packet, 0, 20));
        System.arraycopy(payload, 0, packet, 20, payload.length);
        return packet;
    }

    public static byte[] ipv6(String source, String destination, int nextHeader, byte[] payload) {
        byte[] packet = new byte[40 + payload.length];
        packet[0] = 0x60;
        Bytes.put16(packet, 4, payload.length);
        packet[6] = (byte) nextHeader;
        packet[7] = 64;
        System.arraycopy(address(source).getAddress(), 0, packet, 8, 16);
        System.arraycopy(address(destination).getAddress(), 0, packet, 24, 16);
        System.arraycopy(payload, 0, packet, 40, payload.length);
        return packet;
    }

    /** An ICMP echo request with {@code size} bytes of data (pattern 0, 1, 2, …). */
    public static byte[] icmpEcho(int identifier, int sequence, int size) {
        byte[] icmp = new byte[8 + size];
        icmp[0] = 8;
        Bytes.put16(icmp, 4, identifier);
        Bytes.put16(icmp, 6, sequence);
        for (int i = 0; i < size; i++) {
            icmp[8 + i] = (byte) i;
        }
        Bytes.put16(icmp, 2, Checksums.checksum(icmp, 0, icmp.length));
        return icmp;
    }

    public static byte[] ping(String source, String destination, int sequence, int size) {
        return ipv4(source, destination, 1, icmpEcho(7, sequence, size), false);
    }

    /** A UDP datagram (checksum 0: none, allowed in IPv4). */
    public static byte[] udp(int sourcePort, int destinationPort, byte[] data) {
        byte[] udp = new byte[8 + data.length];
        Bytes.put16(udp, 0, sourcePort);
        Bytes.put16(udp, 2, destinationPort);
        Bytes.put16(udp, 4, udp.length);
        System.arraycopy(data, 0, udp, 8, data.length);
        return udp;
    }

    /** A TCP SYN over IPv4 with an MSS option of {@code mss}, checksum right. */
    public static byte[] tcpSyn(String source, String destination, int mss) {
        byte[] tcp = new byte[24];
        Bytes.put16(tcp, 0, 40000);
        Bytes.put16(tcp, 2, 80);
        Bytes.put32(tcp, 4, 0x01020304L);
        tcp[12] = (byte) (6 << 4);
        tcp[13] = 0x02;
        Bytes.put16(tcp, 14, 64240);
        tcp[20] = 2;
        tcp[21] = 4;
        Bytes.put16(tcp, 22, mss);
        byte[] packet = ipv4(source, destination, 6, tcp, true);
        Bytes.put16(packet, 36, tcpChecksum(packet));
        return packet;
    }

    /** The TCP checksum of an IPv4 packet (with the checksum field taken as zero). */
    public static int tcpChecksum(byte[] packet) {
        int tcpLength = packet.length - 20;
        byte[] pseudo = new byte[12 + tcpLength];
        System.arraycopy(packet, 12, pseudo, 0, 8);
        pseudo[9] = 6;
        Bytes.put16(pseudo, 10, tcpLength);
        System.arraycopy(packet, 20, pseudo, 12, tcpLength);
        pseudo[12 + 16] = 0;
        pseudo[12 + 17] = 0;
        return Checksums.checksum(pseudo, 0, pseudo.length);
    }
}
