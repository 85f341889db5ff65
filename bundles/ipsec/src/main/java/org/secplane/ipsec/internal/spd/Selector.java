package org.secplane.ipsec.internal.spd;

import java.net.InetAddress;
import org.secplane.ipsec.TrafficSelector;
import org.secplane.ipsec.internal.packet.Bytes;
import org.secplane.ipsec.internal.packet.PacketInfo;

/**
 * A traffic selector in the form the packet path compares: address range as unsigned 128-bit numbers
 * (IPv4 in the low word), IP protocol (0 = any) and port range, so that a packet is matched without
 * creating an address object.
 */
public final class Selector {

    private final int version;
    private final long startHigh;
    private final long startLow;
    private final long endHigh;
    private final long endLow;
    private final int protocol;
    private final int startPort;
    private final int endPort;
    private final TrafficSelector source;

    private Selector(TrafficSelector source) {
        this.source = source;
        byte[] start = source.start().getAddress();
        byte[] end = source.end().getAddress();
        this.version = start.length == 4 ? 4 : 6;
        if (version == 4) {
            startHigh = 0;
            endHigh = 0;
            startLow = Bytes.u32(start, 0);
            endLow = Bytes.u32(end, 0);
        } else {
            startHigh = Bytes.u64(start, 0);
            startLow = Bytes.u64(start, 8);
            endHigh = Bytes.u64(end, 0);
            endLow = Bytes.u64(end, 8);
        }
        this.protocol = source.protocol();
        this.startPort = source.startPort();
        this.endPort = source.endPort();
    }

    public static Selector of(TrafficSelector selector) {
        return new Selector(selector);
    }

    /** Every address of the family of {@code like}, any protocol and port. */
    public static Selector any(InetAddress like) {
        return of(TrafficSelector.ofPrefix(like.getAddress().length == 4 ? "0.0.0.0/0" : "::/0"));
    }

    public TrafficSelector selector() {
        return source;
    }

    public int version() {
        return version;
    }

    /** Whether the packet's source address, protocol and source port fall in this selector. */
    public boolean matchesSource(PacketInfo packet) {
        return matches(packet, packet.sourceHigh, packet.sourceLow, packet.sourcePort);
    }

    /** Whether the packet's destination address, protocol and destination port fall in this selector. */
    public boolean matchesDestination(PacketInfo packet) {
        return matches(packet, packet.destinationHigh, packet.destinationLow, packet.destinationPort);
    }

    private boolean matches(PacketInfo packet, long high, long low, int port) {
        if (packet.version != version) {
            return false;
        }
        if (protocol != 0 && protocol != packet.protocol) {
            return false;
        }
        if (compare(high, low, startHigh, startLow) < 0 || compare(high, low, endHigh, endLow) > 0) {
            return false;
        }
        if (startPort == 0 && endPort == 65535) {
            return true;
        }
        // a later fragment carries no ports: it matches only selectors that do not restrict them
        return !packet.laterFragment && port >= startPort && port <= endPort;
    }

    private static int compare(long aHigh, long aLow, long bHigh, long bLow) {
        int high = Long.compareUnsigned(aHigh, bHigh);
        return high != 0 ? high : Long.compareUnsigned(aLow, bLow);
    }

    /** Whether any selector of {@code selectors} matches the source ({@code source}) or destination side. */
    public static boolean anyMatches(Selector[] selectors, PacketInfo packet, boolean source) {
        for (Selector selector : selectors) {
            if (source ? selector.matchesSource(packet) : selector.matchesDestination(packet)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
