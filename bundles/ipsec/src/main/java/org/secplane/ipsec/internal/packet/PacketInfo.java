package org.secplane.ipsec.internal.packet;

/**
 * The fields of one IP packet that the data plane decides on: version, lengths, the transport protocol,
 * addresses as numbers (IPv4 in the low word, IPv6 as two 64-bit halves) and ports (ICMP: type and code, as
 * RFC 4301 §4.4.1.1 uses them). One reusable instance per worker thread: {@link #parse} fills it without
 * allocating.
 */
public final class PacketInfo {

    public static final int ICMP = 1;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int IPV6_ICMP = 58;
    public static final int SCTP = 132;
    public static final int UDP_LITE = 136;

    public int version;
    /** Bytes before the transport header (IPv6: with the extension headers walked). */
    public int headerLength;
    /** The packet's own length (IPv4 total length, IPv6 40 + payload length). */
    public int totalLength;
    /** The transport protocol (IPv6: after the extension headers). */
    public int protocol;
    public long sourceHigh;
    public long sourceLow;
    public long destinationHigh;
    public long destinationLow;
    public int sourcePort;
    public int destinationPort;
    /** IPv4 DF; true for IPv6, which routers never fragment. */
    public boolean dontFragment;
    /** A fragment other than the first: no transport header, no ports. */
    public boolean laterFragment;

    /**
     * Reads the packet at {@code at} of {@code length} bytes; false when it is not a well-formed IPv4 or IPv6
     * packet (too short, a header or total length that does not fit).
     */
    public boolean parse(byte[] b, int at, int length) {
        if (length < 1) {
            return false;
        }
        version = (b[at] & 0xff) >>> 4;
        sourcePort = 0;
        destinationPort = 0;
        laterFragment = false;
        int transport;
        if (version == 4) {
            if (length < 20) {
                return false;
            }
            headerLength = (b[at] & 0x0f) * 4;
            totalLength = Bytes.u16(b, at + 2);
            if (headerLength < 20 || totalLength < headerLength || totalLength > length) {
                return false;
            }
            int flags = Bytes.u16(b, at + 6);
            dontFragment = (flags & 0x4000) != 0;
            laterFragment = (flags & 0x1fff) != 0;
            protocol = b[at + 9] & 0xff;
            sourceHigh = 0;
            sourceLow = Bytes.u32(b, at + 12);
            destinationHigh = 0;
            destinationLow = Bytes.u32(b, at + 16);
            transport = at + headerLength;
        } else if (version == 6) {
            if (length < 40) {
                return false;
            }
            totalLength = 40 + Bytes.u16(b, at + 4);
            if (totalLength > length) {
                return false;
            }
            dontFragment = true;
            sourceHigh = Bytes.u64(b, at + 8);
            sourceLow = Bytes.u64(b, at + 16);
            destinationHigh = Bytes.u64(b, at + 24);
            destinationLow = Bytes.u64(b, at + 32);
            int next = b[at + 6] & 0xff;
            int offset = at + 40;
            int end = at + totalLength;
            // hop-by-hop, routing, destination options and fragment headers, as far as they fit
            while ((next == 0 || next == 43 || next == 60 || next == 44) && offset + 8 <= end) {
                if (next == 44) {
                    laterFragment = (Bytes.u16(b, offset + 2) & 0xfff8) != 0;
                    next = b[offset] & 0xff;
                    offset += 8;
                } else {
                    int extension = 8 + (b[offset + 1] & 0xff) * 8;
                    next = b[offset] & 0xff;
                    offset += extension;
                }
            }
            if (offset > end) {
                return false;
            }
            protocol = next;
            headerLength = offset - at;
            transport = offset;
        } else {
            return false;
        }
        if (!laterFragment) {
            int end = at + totalLength;
            if (protocol == TCP || protocol == UDP || protocol == SCTP || protocol == UDP_LITE) {
                if (transport + 4 <= end) {
                    sourcePort = Bytes.u16(b, transport);
                    destinationPort = Bytes.u16(b, transport + 2);
                }
            } else if (protocol == ICMP || protocol == IPV6_ICMP) {
                if (transport + 2 <= end) {
                    sourcePort = Bytes.u16(b, transport);
                    destinationPort = sourcePort;
                }
            }
        }
        return true;
    }
}
