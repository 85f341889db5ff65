package org.secplane.ike.internal.testkit;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.secplane.ike.internal.engine.IkeEngine;
import org.secplane.ike.internal.engine.IkeTransport;

/**
 * An in-memory network between engines: datagrams queue up and are delivered one at a time when the test says
 * so (so it can look at both sides after every message), optionally through NATs, dropped or reordered.
 */
public final class Wire {

    /** One datagram as sent. */
    public static final class Packet {
        public final byte[] data;
        public final InetSocketAddress from;
        public final InetSocketAddress to;
        public final int sequence;

        Packet(byte[] data, InetSocketAddress from, InetSocketAddress to, int sequence) {
            this.data = data;
            this.from = from;
            this.to = to;
            this.sequence = sequence;
        }

        /** The IKE message (without the non-ESP marker), or {@code null} for a keepalive. */
        public byte[] ike() {
            if (data.length == 1) {
                return null;
            }
            return from.getPort() == 4500 ? Arrays.copyOfRange(data, 4, data.length) : data;
        }

        public int exchange() {
            byte[] m = ike();
            return m == null || m.length < 28 ? -1 : m[18] & 0xFF;
        }

        public boolean response() {
            byte[] m = ike();
            return m != null && m.length >= 28 && (m[19] & 0x20) != 0;
        }

        public long messageId() {
            byte[] m = ike();
            return ((long) (m[20] & 0xFF) << 24) | ((m[21] & 0xFF) << 16) | ((m[22] & 0xFF) << 8) | (m[23] & 0xFF);
        }

        public boolean keepalive() {
            return data.length == 1 && data[0] == (byte) 0xFF;
        }

        @Override
        public String toString() {
            return from + " -> " + to + " " + data.length + " bytes" + (keepalive() ? " keepalive"
                    : " exchange " + exchange() + (response() ? " response " : " request ") + messageId());
        }
    }

    private final Map<InetAddress, IkeEngine> hosts = new HashMap<>();
    private final ArrayDeque<Packet> queue = new ArrayDeque<>();
    public final List<Packet> sent = new ArrayList<>();
    public final List<Packet> delivered = new ArrayList<>();
    private final Map<InetAddress, InetAddress> sourceNat = new HashMap<>();
    private final Map<String, InetSocketAddress> natOut = new HashMap<>();
    private final Map<InetSocketAddress, InetSocketAddress> natIn = new HashMap<>();
    private final Map<InetAddress, InetAddress> staticNatPublicToPrivate = new HashMap<>();
    private int nextNatPort = 40000;
    private int sequence;
    private Predicate<Packet> blackhole = p -> false;

    public void attach(InetAddress address, IkeEngine engine) {
        hosts.put(address, engine);
    }

    public IkeTransport transport() {
        return (data, offset, length, local, remote) -> {
            Packet p = new Packet(Arrays.copyOfRange(data, offset, offset + length), local, remote, sequence++);
            sent.add(p);
            queue.add(p);
        };
    }

    /** Hosts at {@code inside} reach the world as {@code outside}, each (address, port) on a port of its own. */
    public void sourceNat(InetAddress inside, InetAddress outside) {
        sourceNat.put(inside, outside);
    }

    /** A static NAT: {@code publicAddress} is {@code privateAddress} (ports unchanged), both ways. */
    public void staticNat(InetAddress publicAddress, InetAddress privateAddress) {
        staticNatPublicToPrivate.put(publicAddress, privateAddress);
    }

    /** Datagrams matching this vanish (until reset with {@code p -> false}). */
    public void blackhole(Predicate<Packet> which) {
        this.blackhole = which;
    }

    public int pending() {
        return queue.size();
    }

    public Packet peek() {
        return queue.peekFirst();
    }

    /** Removes the next datagram without delivering it. */
    public Packet dropNext() {
        return queue.pollFirst();
    }

    /** Swaps the first two queued datagrams. */
    public void swapFirstTwo() {
        Packet a = queue.pollFirst();
        Packet b = queue.pollFirst();
        queue.addFirst(a);
        queue.addFirst(b);
    }

    /** Delivers the next datagram; returns it (as sent), or {@code null} when none is queued. */
    public Packet deliverNext() {
        Packet p = queue.pollFirst();
        if (p == null) {
            return null;
        }
        if (blackhole.test(p)) {
            return p;
        }
        InetSocketAddress from = p.from;
        InetSocketAddress to = p.to;
        InetAddress outside = sourceNat.get(from.getAddress());
        if (outside != null) {
            String key = from.getAddress().getHostAddress() + ":" + from.getPort();
            InetSocketAddress mapped = natOut.get(key);
            if (mapped == null) {
                mapped = new InetSocketAddress(outside, nextNatPort++);
                natOut.put(key, mapped);
                natIn.put(mapped, from);
            }
            from = mapped;
        }
        InetSocketAddress inside = natIn.get(to);
        if (inside != null) {
            to = inside;
        }
        for (Map.Entry<InetAddress, InetAddress> e : staticNatPublicToPrivate.entrySet()) {
            if (to.getAddress().equals(e.getKey())) {
                to = new InetSocketAddress(e.getValue(), to.getPort());
            }
            if (from.getAddress().equals(e.getValue())) {
                from = new InetSocketAddress(e.getKey(), from.getPort());
            }
        }
        IkeEngine engine = hosts.get(to.getAddress());
        delivered.add(p);
        if (engine != null) {
            engine.receive(p.data, 0, p.data.length, to, from);
        }
        return p;
    }

    /** Delivers until nothing is queued (at most {@code max} datagrams); returns how many. */
    public int deliverAll(int max) {
        int n = 0;
        while (!queue.isEmpty() && n < max) {
            deliverNext();
            n++;
        }
        return n;
    }

    public int deliverAll() {
        return deliverAll(1000);
    }

    /** Throws away what is queued. */
    public void clear() {
        queue.clear();
    }
}
