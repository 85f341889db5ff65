package org.secplane.ipsec;

import java.net.InetAddress;
import java.util.Objects;

/**
 * One IKEv2 traffic selector (RFC 7296 §3.13.1): an address range, an IP protocol (0 = any) and a port
 * range; a Junos proxy identity ({@code local 10.10.10.0/24}, {@code service any}) is one selector.
 */
public final class TrafficSelector {

    private final InetAddress start;
    private final InetAddress end;
    private final int protocol;
    private final int startPort;
    private final int endPort;

    public TrafficSelector(InetAddress start, InetAddress end, int protocol, int startPort, int endPort) {
        if (start.getAddress().length != end.getAddress().length) {
            throw new IllegalArgumentException("traffic selector mixes address families: " + start + " - " + end);
        }
        this.start = start;
        this.end = end;
        this.protocol = protocol;
        this.startPort = startPort;
        this.endPort = endPort;
    }

    /** Every address of {@code prefix} ({@code 10.10.10.0/24}), any protocol and port. */
    public static TrafficSelector ofPrefix(String prefix) {
        int slash = prefix.indexOf('/');
        try {
            InetAddress address = InetAddress.getByName(slash < 0 ? prefix : prefix.substring(0, slash));
            byte[] bytes = address.getAddress();
            int length = slash < 0 ? bytes.length * 8 : Integer.parseInt(prefix.substring(slash + 1));
            byte[] low = bytes.clone();
            byte[] high = bytes.clone();
            for (int bit = length; bit < bytes.length * 8; bit++) {
                low[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
                high[bit / 8] |= (byte) (0x80 >> (bit % 8));
            }
            return new TrafficSelector(InetAddress.getByAddress(low), InetAddress.getByAddress(high), 0, 0, 65535);
        } catch (java.net.UnknownHostException | NumberFormatException e) {
            throw new IllegalArgumentException("not a prefix: " + prefix, e);
        }
    }

    public InetAddress start() {
        return start;
    }

    public InetAddress end() {
        return end;
    }

    public int protocol() {
        return protocol;
    }

    public int startPort() {
        return startPort;
    }

    public int endPort() {
        return endPort;
    }

    public boolean isIpv6() {
        return start.getAddress().length == 16;
    }

    /**
     * The prefix length when the address range is exactly one prefix ({@code 10.0.0.0-10.0.0.255}: 24), else -1.
     *
     * @since 1.2
     */
    public int prefixLength() {
        byte[] low = start.getAddress();
        byte[] high = end.getAddress();
        int bits = low.length * 8;
        int length = 0;
        while (length < bits && bit(low, length) == bit(high, length)) {
            length++;
        }
        for (int i = length; i < bits; i++) {
            if (bit(low, i) != 0 || bit(high, i) != 1) {
                return -1;
            }
        }
        return length;
    }

    private static int bit(byte[] bytes, int index) {
        return (bytes[index / 8] >> (7 - index % 8)) & 1;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof TrafficSelector)) {
            return false;
        }
        TrafficSelector that = (TrafficSelector) other;
        return start.equals(that.start) && end.equals(that.end) && protocol == that.protocol
                && startPort == that.startPort && endPort == that.endPort;
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end, protocol, startPort, endPort);
    }

    @Override
    public String toString() {
        return start.getHostAddress() + "-" + end.getHostAddress() + " proto " + protocol + " ports " + startPort + "-" + endPort;
    }
}
