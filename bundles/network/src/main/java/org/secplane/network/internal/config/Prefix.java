package org.secplane.network.internal.config;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/** An IPv4 or IPv6 address with a prefix length, as configured ({@code 10.10.10.1/24}), for overlap tests. */
final class Prefix {

    final boolean v6;
    final BigInteger address;
    final int length;
    final String text;

    private Prefix(boolean v6, BigInteger address, int length, String text) {
        this.v6 = v6;
        this.address = address;
        this.length = length;
        this.text = text;
    }

    /** Parses {@code a.b.c.d[/len]} or {@code x::y[/len]} (already validated by the schema); empty if not an address. */
    static Optional<Prefix> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int slash = text.indexOf('/');
        String host = slash < 0 ? text : text.substring(0, slash);
        boolean v6 = host.indexOf(':') >= 0;
        if (!v6 && !host.matches("[0-9.]+")) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(host).getAddress();
            if (v6 != (bytes.length == 16)) {
                return Optional.empty();
            }
            int bits = bytes.length * 8;
            int length = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            return Optional.of(new Prefix(v6, new BigInteger(1, bytes), length, text));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private int bits() {
        return v6 ? 128 : 32;
    }

    private BigInteger network(int prefixLength) {
        BigInteger mask = BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE)
                .shiftRight(prefixLength).not();
        return address.and(mask).and(BigInteger.ONE.shiftLeft(bits()).subtract(BigInteger.ONE));
    }

    /** Whether the two networks share an address (same family, one contains the other). */
    boolean overlaps(Prefix other) {
        if (v6 != other.v6) {
            return false;
        }
        int shorter = Math.min(length, other.length);
        return network(shorter).equals(other.network(shorter));
    }

    /** Whether {@code host} (an address) lies in this network. */
    boolean contains(Prefix host) {
        return v6 == host.v6 && host.length >= length && network(length).equals(host.network(length));
    }

    /** The address without its length, as text (for identity comparisons). */
    String host() {
        int slash = text.indexOf('/');
        return slash < 0 ? text : text.substring(0, slash);
    }

    @Override
    public String toString() {
        return text;
    }
}
