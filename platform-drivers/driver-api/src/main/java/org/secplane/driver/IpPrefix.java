package org.secplane.driver;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;

/** An IPv4 or IPv6 address with a prefix length ({@code 10.11.11.10/24}); parsing never does DNS. */
public final class IpPrefix {

    private final InetAddress address;
    private final int length;

    private IpPrefix(InetAddress address, int length) {
        this.address = address;
        this.length = length;
    }

    /** Parses {@code a.b.c.d/n} or {@code x:y::z/n}; a bare address is a host prefix. */
    public static IpPrefix parse(String text) {
        int slash = text.indexOf('/');
        String addressText = slash < 0 ? text : text.substring(0, slash);
        InetAddress address = literal(addressText);
        int max = address instanceof Inet4Address ? 32 : 128;
        int length = max;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(text.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "': bad prefix length");
            }
            if (length < 0 || length > max) {
                throw new IllegalArgumentException("'" + text + "': prefix length out of range 0.." + max);
            }
        }
        return new IpPrefix(address, length);
    }

    /** An address literal, never a host name. */
    public static InetAddress literal(String text) {
        boolean v4 = text.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
        boolean v6 = text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address");
        }
        if (v4) {
            for (String part : text.split("\\.")) {
                if (Integer.parseInt(part) > 255) {
                    throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
                }
            }
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
        }
    }

    public InetAddress address() {
        return address;
    }

    public int length() {
        return length;
    }

    public boolean isIpv4() {
        return address instanceof Inet4Address;
    }

    /** The network: the address with the host bits cleared ({@code 10.11.11.0/24}). */
    public IpPrefix network() {
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            return new IpPrefix(InetAddress.getByAddress(bytes), length);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean contains(InetAddress candidate) {
        byte[] a = address.getAddress();
        byte[] b = candidate.getAddress();
        if (a.length != b.length) {
            return false;
        }
        for (int bit = 0; bit < length; bit++) {
            int mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (b[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return format(address) + "/" + length;
    }

    /** An address as text: dotted quad, or IPv6 in the RFC 5952 form ({@code 2001:db8::1}). */
    public static String format(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return address.getHostAddress();
        }
        int[] words = new int[8];
        for (int i = 0; i < 8; i++) {
            words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8;) {
            if (words[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && words[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            text.append(Integer.toHexString(words[i]));
            if (i < 7) {
                text.append(':');
            }
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpPrefix && ((IpPrefix) o).address.equals(address) && ((IpPrefix) o).length == length;
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, length);
    }
}
