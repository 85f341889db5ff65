package org.secplane.driver.linux.internal;

import java.net.InetAddress;
import java.nio.ByteBuffer;

/** IPv4 ICMP echo packets for round trips through the kernel. */
final class IcmpPackets {

    private IcmpPackets() {
    }

    static byte[] echoRequest(String source, String destination, int identifier, int sequence, int dataLength) throws Exception {
        int length = 20 + 8 + dataLength;
        ByteBuffer packet = ByteBuffer.allocate(length);
        packet.put((byte) 0x45).put((byte) 0).putShort((short) length).putShort((short) 0x4321).putShort((short) 0x4000)
                .put((byte) 64).put((byte) 1).putShort((short) 0)
                .put(InetAddress.getByName(source).getAddress()).put(InetAddress.getByName(destination).getAddress());
        packet.putShort(10, checksum(packet.array(), 0, 20));
        packet.put((byte) 8).put((byte) 0).putShort((short) 0).putShort((short) identifier).putShort((short) sequence);
        for (int i = 0; i < dataLength; i++) {
            packet.put((byte) i);
        }
        packet.putShort(22, checksum(packet.array(), 20, length - 20));
        return packet.array();
    }

    static String source(byte[] packet) throws Exception {
        return InetAddress.getByAddress(java.util.Arrays.copyOfRange(packet, 12, 16)).getHostAddress();
    }

    static String destination(byte[] packet) throws Exception {
        return InetAddress.getByAddress(java.util.Arrays.copyOfRange(packet, 16, 20)).getHostAddress();
    }

    private static short checksum(byte[] data, int offset, int length) {
        long sum = 0;
        for (int i = 0; i + 1 < length; i += 2) {
            sum += ((data[offset + i] & 0xff) << 8) | (data[offset + i + 1] & 0xff);
        }
        if ((length & 1) != 0) {
            sum += (data[offset + length - 1] & 0xff) << 8;
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }
}
