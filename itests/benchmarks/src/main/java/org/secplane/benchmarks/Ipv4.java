package org.secplane.benchmarks;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Cleartext packets for the data plane benchmarks. */
final class Ipv4 {

    private Ipv4() {
    }

    /** An IPv4 UDP datagram of {@code length} bytes in all (at least 28), header checksum set, UDP checksum 0. */
    static byte[] udp(String source, String destination, int length) throws UnknownHostException {
        byte[] p = new byte[length];
        p[0] = 0x45;
        put16(p, 2, length);
        p[8] = 64;
        p[9] = 17;
        System.arraycopy(InetAddress.getByName(source).getAddress(), 0, p, 12, 4);
        System.arraycopy(InetAddress.getByName(destination).getAddress(), 0, p, 16, 4);
        long sum = 0;
        for (int i = 0; i < 20; i += 2) {
            sum += ((p[i] & 0xff) << 8) | (p[i + 1] & 0xff);
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        put16(p, 10, (int) ~sum & 0xffff);
        put16(p, 20, 40000);
        put16(p, 22, 5001);
        put16(p, 24, length - 20);
        for (int i = 28; i < length; i++) {
            p[i] = (byte) i;
        }
        return p;
    }

    private static void put16(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }
}
