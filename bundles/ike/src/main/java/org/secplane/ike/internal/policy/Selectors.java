package org.secplane.ike.internal.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.secplane.ike.internal.message.Ike;
import org.secplane.ike.internal.message.TsPayload;
import org.secplane.ipsec.TrafficSelector;

/** Traffic selectors: to and from the wire, intersection (narrowing), and the Junos display. */
public final class Selectors {

    private Selectors() {
    }

    public static TrafficSelector any4() {
        return TrafficSelector.ofPrefix("0.0.0.0/0");
    }

    public static TsPayload.Selector toWire(TrafficSelector ts) {
        byte[] start = ts.start().getAddress();
        return new TsPayload.Selector(start.length == 4 ? Ike.TS_IPV4_ADDR_RANGE : Ike.TS_IPV6_ADDR_RANGE, ts.protocol(),
                ts.startPort(), ts.endPort(), start, ts.end().getAddress());
    }

    public static TsPayload payload(int type, TrafficSelector ts) {
        List<TsPayload.Selector> list = new ArrayList<>(1);
        list.add(toWire(ts));
        return new TsPayload(type, list);
    }

    /** The selector, or {@code null} for a type we do not know or an inverted range. */
    public static TrafficSelector fromWire(TsPayload.Selector s) {
        if (s.tsType != Ike.TS_IPV4_ADDR_RANGE && s.tsType != Ike.TS_IPV6_ADDR_RANGE) {
            return null;
        }
        if (Arrays.compareUnsigned(s.start, s.end) > 0 || s.startPort > s.endPort) {
            return null;
        }
        try {
            return new TrafficSelector(InetAddress.getByAddress(s.start), InetAddress.getByAddress(s.end), s.protocol,
                    s.startPort, s.endPort);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The common part of two selectors, or {@code null} when they do not overlap. */
    public static TrafficSelector intersect(TrafficSelector a, TrafficSelector b) {
        if (a == null || b == null || a.isIpv6() != b.isIpv6()) {
            return null;
        }
        int protocol;
        if (a.protocol() == 0) {
            protocol = b.protocol();
        } else if (b.protocol() == 0 || b.protocol() == a.protocol()) {
            protocol = a.protocol();
        } else {
            return null;
        }
        byte[] start = max(a.start().getAddress(), b.start().getAddress());
        byte[] end = min(a.end().getAddress(), b.end().getAddress());
        if (Arrays.compareUnsigned(start, end) > 0) {
            return null;
        }
        int startPort = Math.max(a.startPort(), b.startPort());
        int endPort = Math.min(a.endPort(), b.endPort());
        if (startPort > endPort) {
            return null;
        }
        try {
            return new TrafficSelector(InetAddress.getByAddress(start), InetAddress.getByAddress(end), protocol, startPort, endPort);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Whether {@code inner} lies within {@code outer}. */
    public static boolean within(TrafficSelector inner, TrafficSelector outer) {
        TrafficSelector common = intersect(inner, outer);
        return common != null && common.equals(inner);
    }

    /** The first of the peer's selectors that overlaps {@code configured}, narrowed to it, or {@code null}. */
    public static TrafficSelector narrow(TrafficSelector configured, TsPayload peer) {
        if (peer == null) {
            return null;
        }
        for (TsPayload.Selector s : peer.selectors) {
            TrafficSelector common = intersect(configured, fromWire(s));
            if (common != null) {
                return common;
            }
        }
        return null;
    }

    private static byte[] max(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) >= 0 ? a : b;
    }

    private static byte[] min(byte[] a, byte[] b) {
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }

    /** The prefix length when the range is a whole prefix, else -1. */
    public static int prefixLength(TrafficSelector ts) {
        byte[] s = ts.start().getAddress();
        byte[] e = ts.end().getAddress();
        int bits = s.length * 8;
        int length = 0;
        while (length < bits && bit(s, length) == bit(e, length)) {
            length++;
        }
        for (int i = length; i < bits; i++) {
            if (bit(s, i) != 0 || bit(e, i) != 1) {
                return -1;
            }
        }
        return length;
    }

    private static int bit(byte[] b, int i) {
        return (b[i / 8] >> (7 - i % 8)) & 1;
    }

    /**
     * As {@code show security ipsec security-associations detail} prints an identity:
     * {@code ipv4_subnet(any:0,[0..7]=10.10.10.0/24)}, {@code ipv4(any:0,[0..3]=220.0.0.4)} (D-51 for IPv6).
     */
    public static String junos(TrafficSelector ts) {
        boolean v6 = ts.isIpv6();
        String family = v6 ? "ipv6" : "ipv4";
        int size = v6 ? 16 : 4;
        String proto = protocolName(ts.protocol()) + ":" + (ts.startPort() == 0 && ts.endPort() == 65535 ? 0 : ts.startPort());
        int prefix = prefixLength(ts);
        if (prefix == size * 8) {
            return family + "(" + proto + ",[0.." + (size - 1) + "]=" + ts.start().getHostAddress() + ")";
        }
        if (prefix >= 0) {
            return family + "_subnet(" + proto + ",[0.." + (2 * size - 1) + "]=" + ts.start().getHostAddress() + "/" + prefix + ")";
        }
        return family + "_range(" + proto + ",[0.." + (2 * size - 1) + "]=" + ts.start().getHostAddress() + "-"
                + ts.end().getHostAddress() + ")";
    }

    private static String protocolName(int p) {
        switch (p) {
            case 0: return "any";
            case 1: return "icmp";
            case 6: return "tcp";
            case 17: return "udp";
            case 58: return "icmp6";
            default: return Integer.toString(p);
        }
    }
}
