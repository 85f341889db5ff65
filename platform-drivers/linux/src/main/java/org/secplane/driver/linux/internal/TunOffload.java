package org.secplane.driver.linux.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What a TUN device opened with {@code IFF_VNET_HDR} and TCP segmentation offload ({@code TUNSETOFFLOAD
 * TUN_F_CSUM | TUN_F_TSO4 | TUN_F_TSO6}) hands over, turned back into ordinary IP packets: one read returns a
 * {@code virtio_net_hdr} and either a packet whose L4 checksum the kernel left to finish, or a TCP "super
 * packet" of up to 64 KiB that this class cuts into MSS-sized segments (headers copied, IP length, IPv4 id
 * and checksum, TCP sequence number, FIN/PSH on the last and CWR on the first segment only, TCP checksum
 * computed over each segment). A bulk TCP transfer into the tunnel then costs one read system call per 64 KiB
 * instead of one per packet. One instance per reader thread; {@link #load} keeps the packet, {@link #next}
 * writes one packet at a time.
 */
final class TunOffload {

    /** {@code sizeof(struct virtio_net_hdr)}: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset. */
    static final int HEADER = 10;
    static final int F_NEEDS_CSUM = 1;
    static final int GSO_NONE = 0;
    static final int GSO_TCPV4 = 1;
    static final int GSO_TCPV6 = 4;
    private static final int GSO_ECN = 0x80;
    private static final int TCP = 6;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final byte[] packet;
    private int length;
    private int headers;
    private int mss;
    private int segments;
    private int segment;
    private boolean ipv6;
    private boolean segmenting;

    TunOffload(int maxPacket) {
        packet = new byte[maxPacket];
    }

    /** The buffer {@link #load} takes the packet from (the bytes after the virtio header). */
    byte[] buffer() {
        return packet;
    }

    /**
     * Takes the packet in {@link #buffer()}[0, length) with the fields of its virtio header; false (the packet
     * is dropped) when it is a segmentation type or a layout this class does not handle.
     */
    boolean load(int length, int flags, int gsoType, int gsoSize, int csumStart, int csumOffset) {
        this.length = length;
        this.segment = 0;
        this.segments = 0;
        this.segmenting = false;
        int type = gsoType & ~GSO_ECN;
        if (type == GSO_NONE) {
            if ((flags & F_NEEDS_CSUM) != 0) {
                int field = csumStart + csumOffset;
                if (csumStart < 0 || field + 2 > length) {
                    return false;
                }
                // the field holds the pseudo-header sum: the sum over [csumStart, end) completes it
                int sum = ~fold(sum(packet, csumStart, length - csumStart, 0)) & 0xffff;
                putShort(field, sum == 0 ? 0xffff : sum);
            }
            segments = 1;
            headers = length;
            return true;
        }
        if ((type != GSO_TCPV4 && type != GSO_TCPV6) || gsoSize <= 0 || length < 20) {
            return false;
        }
        ipv6 = type == GSO_TCPV6;
        int ipHeader;
        if (ipv6) {
            if ((packet[0] >>> 4 & 0xf) != 6 || packet[6] != TCP) {
                return false; // extension headers: not produced for TCP by the kernel's own stack
            }
            ipHeader = 40;
        } else {
            ipHeader = (packet[0] & 0xf) * 4;
            if ((packet[0] >>> 4 & 0xf) != 4 || ipHeader < 20 || packet[9] != TCP) {
                return false;
            }
        }
        if (ipHeader + 20 > length) {
            return false;
        }
        headers = ipHeader + (packet[ipHeader + 12] >>> 4 & 0xf) * 4;
        if (headers > length || headers < ipHeader + 20) {
            return false;
        }
        mss = gsoSize;
        int payload = length - headers;
        segments = Math.max(1, (payload + mss - 1) / mss);
        segmenting = true;
        return true;
    }

    boolean hasNext() {
        return segment < segments;
    }

    /** Writes the next packet to {@code out[offset...]} (room for headers + MSS needed); returns its length. */
    int next(byte[] out, int offset) {
        if (!segmenting) {
            segment = 1;
            System.arraycopy(packet, 0, out, offset, length);
            return length;
        }
        int index = segment++;
        int payloadStart = headers + index * mss;
        int chunk = Math.min(mss, length - payloadStart);
        int total = headers + chunk;
        System.arraycopy(packet, 0, out, offset, headers);
        System.arraycopy(packet, payloadStart, out, offset + headers, chunk);
        int tcp;
        long pseudo;
        if (ipv6) {
            tcp = 40;
            putShort(out, offset + 4, total - 40);
            pseudo = sum(out, offset + 8, 32, 0) + TCP + (total - 40);
        } else {
            tcp = (out[offset] & 0xf) * 4;
            putShort(out, offset + 2, total);
            putShort(out, offset + 4, (getShort(packet, 4) + index) & 0xffff);
            putShort(out, offset + 10, 0);
            putShort(out, offset + 10, ~fold(sum(out, offset, tcp, 0)) & 0xffff);
            pseudo = sum(out, offset + 12, 8, 0) + TCP + (total - tcp);
        }
        int at = offset + tcp;
        INT.set(out, at + 4, (int) INT.get(packet, tcp + 4) + index * mss);
        int tcpFlags = packet[tcp + 13];
        if (index != 0) {
            tcpFlags &= ~0x80; // CWR only on the first segment
        }
        if (segment != segments) {
            tcpFlags &= ~0x09; // FIN and PSH only on the last
        }
        out[at + 13] = (byte) tcpFlags;
        putShort(out, at + 16, 0);
        putShort(out, at + 16, ~fold(sum(out, at, total - tcp, pseudo)) & 0xffff);
        return total;
    }

    /** The ones'-complement sum of {@code b[offset, offset + length)} (big-endian 16-bit words) plus {@code initial}, unfolded. */
    static long sum(byte[] b, int offset, int length, long initial) {
        long sum = initial;
        int i = offset;
        int end = offset + length;
        for (; i + 4 <= end; i += 4) {
            sum += (int) INT.get(b, i) & 0xffffffffL;
        }
        if (i + 2 <= end) {
            sum += (b[i] & 0xff) << 8 | b[i + 1] & 0xff;
            i += 2;
        }
        if (i < end) {
            sum += (b[i] & 0xff) << 8;
        }
        return sum;
    }

    static int fold(long sum) {
        while (sum >>> 16 != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return (int) sum;
    }

    private void putShort(int at, int value) {
        putShort(packet, at, value);
    }

    private static void putShort(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 8);
        b[at + 1] = (byte) value;
    }

    private static int getShort(byte[] b, int at) {
        return (b[at] & 0xff) << 8 | b[at + 1] & 0xff;
    }
}
