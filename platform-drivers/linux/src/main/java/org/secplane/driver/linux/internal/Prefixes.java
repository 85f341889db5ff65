package org.secplane.driver.linux.internal;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Address and prefix text: parsing without DNS, and the canonical forms the kernel's tools print. */
final class Prefixes {

    private Prefixes() {
    }

    /** An address literal, never a host name. */
    static InetAddress literal(String text) {
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

    /** {@code address/length} in canonical form; a bare address gets a host length. */
    static String normalize(String prefix) {
        int slash = prefix.indexOf('/');
        InetAddress address = literal(slash < 0 ? prefix : prefix.substring(0, slash));
        int max = address instanceof Inet4Address ? 32 : 128;
        int length = max;
        if (slash >= 0) {
            try {
                length = Integer.parseInt(prefix.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + prefix + "': bad prefix length");
            }
        }
        if (length < 0 || length > max) {
            throw new IllegalArgumentException("'" + prefix + "': prefix length out of range 0.." + max);
        }
        return format(address) + "/" + length;
    }

    /** The network of a prefix: host bits cleared. */
    static InetAddress network(InetAddress address, int length) {
        byte[] bytes = address.getAddress();
        for (int bit = length; bit < bytes.length * 8; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >> (bit % 8));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Dotted quad, or IPv6 in the RFC 5952 form ({@code 2001:db8::1}). */
    static String format(InetAddress address) {
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
}
