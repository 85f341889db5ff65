package org.secplane.driver.simulator.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A simulated wire several simulator families share: every address a node holds is reachable from every
 * other node, UDP datagrams go to the socket bound to the destination address and port (or to the
 * wildcard address), raw IP payloads to the socket bound for their protocol. Payloads are copied; a
 * packet nobody listens for is counted and dropped, as is a raw packet with DF set that does not fit the
 * wire's MTU. Thread-safe.
 *
 * <p>Two complete runtimes in one JVM talk by attaching to the same network: pass one instance, or name
 * it ({@link #named}, {@code simulator-network = <name>} in {@code etc/org.secplane.platform.cfg}).
 */
public final class SimulatedNetwork {

    private static final ConcurrentMap<String, SimulatedNetwork> NAMED = new ConcurrentHashMap<>();

    private final String name;
    private final int mtu;
    private final ConcurrentMap<InetAddress, Node> owners = new ConcurrentHashMap<>();
    private final Set<Node> nodes = ConcurrentHashMap.newKeySet();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong noListener = new AtomicLong();
    private final AtomicLong tooBig = new AtomicLong();
    private final AtomicLong queueFull = new AtomicLong();

    public SimulatedNetwork(String name) {
        this(name, 1500);
    }

    public SimulatedNetwork(String name, int mtu) {
        if (mtu < 576) {
            throw new IllegalArgumentException("a simulated wire needs an MTU of at least 576");
        }
        this.name = name;
        this.mtu = mtu;
    }

    /** The network of this name in this class loader, created on first use (MTU 1500). */
    public static SimulatedNetwork named(String name) {
        return NAMED.computeIfAbsent(name, SimulatedNetwork::new);
    }

    public String name() {
        return name;
    }

    public int mtu() {
        return mtu;
    }

    /** Attaches a host (a device family) with no addresses yet. */
    public Node attach(String nodeName) {
        Node node = new Node(nodeName);
        nodes.add(node);
        return node;
    }

    /** Packets delivered, dropped for want of a listener, dropped as too big with DF, dropped on a full queue. */
    public long[] counters() {
        return new long[] {delivered.get(), noListener.get(), tooBig.get(), queueFull.get()};
    }

    /** Names of the attached nodes and their addresses, for status output. */
    public List<String> describeNodes() {
        List<String> out = new ArrayList<>();
        for (Node node : nodes) {
            out.add(node.name + " " + node.addresses);
        }
        return out;
    }

    void sendDatagram(InetSocketAddress source, InetSocketAddress destination, ByteBuffer payload) {
        Node node = owners.get(destination.getAddress());
        SimulatedDatagramPort port = node == null ? null : node.datagramPort(destination);
        if (port == null) {
            payload.position(payload.limit());
            noListener.incrementAndGet();
            return;
        }
        count(port.deliver(source, payload));
    }

    void sendRaw(InetAddress source, InetAddress destination, int protocol, ByteBuffer payload, boolean dontFragment) {
        int header = destination instanceof Inet4Address ? 20 : 40;
        if (dontFragment && payload.remaining() + header > mtu) {
            payload.position(payload.limit());
            tooBig.incrementAndGet();
            return;
        }
        Node node = owners.get(destination);
        SimulatedRawIpPort port = node == null ? null : node.rawPort(destination, protocol);
        if (port == null) {
            payload.position(payload.limit());
            noListener.incrementAndGet();
            return;
        }
        count(port.deliver(source, payload));
    }

    private void count(boolean queued) {
        (queued ? delivered : queueFull).incrementAndGet();
    }

    @Override
    public String toString() {
        return "simulated network '" + name + "' (MTU " + mtu + ")";
    }

    /** One host on the wire: its addresses and the sockets bound on it. */
    public final class Node {

        private final String name;
        private volatile Set<InetAddress> addresses = Set.of();
        private final Map<InetSocketAddress, SimulatedDatagramPort> datagramPorts = new ConcurrentHashMap<>();
        private final Map<String, SimulatedRawIpPort> rawPorts = new ConcurrentHashMap<>();
        private int nextEphemeral = 49152;
        private volatile boolean detached;

        private Node(String name) {
            this.name = name;
        }

        public String name() {
            return name;
        }

        public SimulatedNetwork network() {
            return SimulatedNetwork.this;
        }

        public Set<InetAddress> addresses() {
            return addresses;
        }

        /**
         * Makes this node hold exactly {@code wanted}; returns one message per address another node already
         * holds (those stay with the other node).
         */
        public synchronized List<String> setAddresses(Collection<InetAddress> wanted) {
            List<String> conflicts = new ArrayList<>();
            Set<InetAddress> held = new LinkedHashSet<>();
            for (InetAddress address : wanted) {
                Node owner = owners.putIfAbsent(address, this);
                if (owner == null || owner == this) {
                    held.add(address);
                } else {
                    conflicts.add(IpPrefix.format(address) + " is already held by node " + owner.name + " on " + SimulatedNetwork.this);
                }
            }
            for (InetAddress old : addresses) {
                if (!held.contains(old)) {
                    owners.remove(old, this);
                }
            }
            addresses = Set.copyOf(held);
            return conflicts;
        }

        /** Leaves the wire: drops the addresses and closes every socket. */
        public synchronized void detach() {
            detached = true;
            setAddresses(List.of());
            for (SimulatedDatagramPort port : List.copyOf(datagramPorts.values())) {
                port.close();
            }
            for (SimulatedRawIpPort port : List.copyOf(rawPorts.values())) {
                port.close();
            }
            nodes.remove(this);
        }

        synchronized SimulatedDatagramPort bindDatagram(InetSocketAddress local) throws IOException {
            checkUsable(local.getAddress());
            int port = local.getPort();
            if (port == 0) {
                port = ephemeralPort(local.getAddress());
            }
            InetSocketAddress bound = new InetSocketAddress(local.getAddress(), port);
            if (datagramPorts.containsKey(bound)) {
                throw new SocketException("Address already in use: " + bound + " on simulated node " + name);
            }
            SimulatedDatagramPort created = new SimulatedDatagramPort(this, bound);
            datagramPorts.put(bound, created);
            return created;
        }

        synchronized SimulatedRawIpPort bindRaw(InetAddress local, int protocol) throws IOException {
            if (protocol < 1 || protocol > 255) {
                throw new IllegalArgumentException("IP protocol " + protocol + " is out of range 1..255");
            }
            checkUsable(local);
            String key = rawKey(local, protocol);
            if (rawPorts.containsKey(key)) {
                throw new SocketException("Address already in use: protocol " + protocol + " on " + local.getHostAddress()
                        + " of simulated node " + name);
            }
            SimulatedRawIpPort created = new SimulatedRawIpPort(this, local, protocol);
            rawPorts.put(key, created);
            return created;
        }

        void unbind(SimulatedDatagramPort port) {
            datagramPorts.remove(port.localAddress(), port);
        }

        void unbind(SimulatedRawIpPort port) {
            rawPorts.remove(rawKey(port.localAddress(), port.protocol()), port);
        }

        /** The source address a wildcard-bound socket sends from: the node's first address of the family. */
        InetAddress sourceFor(InetAddress bound, InetAddress destination) throws IOException {
            if (!bound.isAnyLocalAddress()) {
                return bound;
            }
            for (InetAddress address : addresses) {
                if ((address instanceof Inet4Address) == (destination instanceof Inet4Address)) {
                    return address;
                }
            }
            throw new SocketException("Network is unreachable: simulated node " + name + " has no "
                    + (destination instanceof Inet4Address ? "IPv4" : "IPv6") + " address");
        }

        void send(SimulatedDatagramPort from, InetSocketAddress destination, ByteBuffer payload) throws IOException {
            InetAddress source = sourceFor(from.localAddress().getAddress(), destination.getAddress());
            sendDatagram(new InetSocketAddress(source, from.localAddress().getPort()), destination, payload);
        }

        void send(SimulatedRawIpPort from, InetAddress destination, ByteBuffer payload, boolean dontFragment) throws IOException {
            InetAddress source = sourceFor(from.localAddress(), destination);
            sendRaw(source, destination, from.protocol(), payload, dontFragment);
        }

        private SimulatedDatagramPort datagramPort(InetSocketAddress destination) {
            SimulatedDatagramPort exact = datagramPorts.get(destination);
            if (exact != null) {
                return exact;
            }
            return datagramPorts.get(new InetSocketAddress(wildcard(destination.getAddress()), destination.getPort()));
        }

        private SimulatedRawIpPort rawPort(InetAddress destination, int protocol) {
            SimulatedRawIpPort exact = rawPorts.get(rawKey(destination, protocol));
            return exact != null ? exact : rawPorts.get(rawKey(wildcard(destination), protocol));
        }

        private void checkUsable(InetAddress local) throws IOException {
            if (detached) {
                throw new SocketException("simulated node " + name + " has left " + SimulatedNetwork.this);
            }
            if (!local.isAnyLocalAddress() && !addresses.contains(local)) {
                throw new SocketException("Cannot assign requested address: " + local.getHostAddress()
                        + " is not an address of simulated node " + name + " (it has " + addresses + ")");
            }
        }

        private int ephemeralPort(InetAddress address) throws SocketException {
            for (int tries = 0; tries < 16384; tries++) {
                int candidate = nextEphemeral;
                nextEphemeral = nextEphemeral == 65535 ? 49152 : nextEphemeral + 1;
                if (!datagramPorts.containsKey(new InetSocketAddress(address, candidate))) {
                    return candidate;
                }
            }
            throw new SocketException("no free ephemeral port on simulated node " + name);
        }

        @Override
        public String toString() {
            return name + " " + addresses;
        }
    }

    private static String rawKey(InetAddress address, int protocol) {
        return address.getHostAddress() + "#" + protocol;
    }

    private static InetAddress wildcard(InetAddress like) {
        try {
            return InetAddress.getByAddress(new byte[like.getAddress().length]);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
