package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.PlatformSelection;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.RouteTable;
import org.secplane.driver.SaOffload;
import org.secplane.driver.TunnelInterface;

/**
 * The {@code linux} device family: tunnel interfaces are TUN devices named exactly {@code st0.N},
 * addresses and routes go into the host through rtnetlink, ESP and AH through raw IP sockets, UDP through
 * Java's {@code DatagramChannel}. Junos interfaces map to host interfaces through the interface map
 * ({@code interface-map = ge-0/0/3:eth1}); secplane never changes the host interfaces' own addresses.
 * Works in the network namespace of the thread that creates it (the process's, in the distribution).
 * When it cannot work (no CAP_NET_ADMIN, no /dev/net/tun, no libc through JNA) it still exists and its
 * status says why; operations that need the kernel then fail with that reason.
 */
public final class LinuxFamily implements DeviceFamily, AutoCloseable {

    public static final String NAME = PlatformSelection.LINUX;

    private final Map<String, String> interfaceMap;
    private final HostInterfaces host;
    private final String notReady;
    private final Rtnetlink netlink;
    private final int control;
    private final Map<String, LinuxTunnel> tunnels = new ConcurrentHashMap<>();
    private final LinuxRouteTable routes;
    private volatile boolean closed;

    public LinuxFamily(Map<String, String> interfaceMap) {
        this(interfaceMap, HostInterfaces.system(), PlatformSelection.Host.current());
    }

    public LinuxFamily(Map<String, String> interfaceMap, HostInterfaces host, PlatformSelection.Host detected) {
        this.interfaceMap = Map.copyOf(interfaceMap);
        this.host = host;
        String problem = LibC.unavailableReason() != null ? "libc is not available through JNA: " + LibC.unavailableReason()
                : !detected.linux() ? "not running on Linux"
                : !detected.networkAdmin() ? "no CAP_NET_ADMIN: run secplane as root (or grant it CAP_NET_ADMIN)"
                : !detected.tun() ? "no /dev/net/tun: load the tun module (modprobe tun)" : null;
        Rtnetlink opened = null;
        int socket = -1;
        if (problem == null) {
            try {
                opened = new Rtnetlink();
                socket = LibC.socket(LibC.AF_INET, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
                if (socket < 0) {
                    throw LibC.error("control socket");
                }
            } catch (IOException e) {
                problem = e.getMessage();
                if (opened != null) {
                    opened.close();
                    opened = null;
                }
            }
        }
        this.notReady = problem;
        this.netlink = opened;
        this.control = socket;
        this.routes = new LinuxRouteTable(netlink, tunnels::get);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hardware() {
        return "Linux " + System.getProperty("os.version") + " " + System.getProperty("os.arch") + ", network namespace "
                + namespace() + ", /dev/net/tun " + (Files.exists(Path.of("/dev/net/tun")) ? "present" : "absent");
    }

    @Override
    public String status() {
        if (closed) {
            return "stopped";
        }
        if (notReady != null) {
            return "not ready: " + notReady;
        }
        List<String> pending = routes.pending();
        return "ready: " + tunnels.size() + " tunnel interface" + (tunnels.size() == 1 ? "" : "s") + ", "
                + routes.list().size() + " static route" + (routes.list().size() == 1 ? "" : "s")
                + (pending.isEmpty() ? "" : " (" + pending.size() + " waiting for their interface to come up)");
    }

    @Override
    public List<String> drivers() {
        List<String> drivers = new ArrayList<>();
        drivers.add("tunnels: TUN devices st0.N through /dev/net/tun (JNA direct mapping to libc)");
        drivers.add("addresses and routes: rtnetlink, main table, proto static");
        drivers.add("ESP and AH: raw IP sockets; UDP: java.nio DatagramChannel");
        drivers.add("interface map: " + (interfaceMap.isEmpty() ? "empty" : describeMap()));
        return drivers;
    }

    private String describeMap() {
        StringBuilder text = new StringBuilder();
        for (Map.Entry<String, String> entry : new TreeMap<>(interfaceMap).entrySet()) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(entry.getKey()).append(" -> ").append(entry.getValue());
            if (host.addresses(entry.getValue()).isEmpty()) {
                text.append(" (absent)");
            }
        }
        return text.toString();
    }

    public boolean isReady() {
        return notReady == null && !closed;
    }

    /** The interface map this family was started with. */
    public Map<String, String> interfaceMap() {
        return interfaceMap;
    }

    public HostInterfaces hostInterfaces() {
        return host;
    }

    @Override
    public Optional<String> hostInterface(String junosInterfaceUnit) {
        return PlatformSelection.hostInterface(interfaceMap, junosInterfaceUnit);
    }

    /** The addresses of the mapped host interfaces (without link-local ones). */
    @Override
    public List<InetAddress> localAddresses() {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (String name : new LinkedHashSet<>(interfaceMap.values())) {
            for (String prefix : host.addresses(name).orElse(List.of())) {
                addresses.add(IpPrefix.literal(prefix.substring(0, prefix.indexOf('/'))));
            }
        }
        return new ArrayList<>(addresses);
    }

    @Override
    public TunnelInterface tunnel(String name) throws IOException {
        if (!name.matches("st0\\.[0-9]{1,5}")) {
            throw new IllegalArgumentException("'" + name + "' is not a tunnel interface name (st0.N)");
        }
        checkReady();
        synchronized (tunnels) {
            LinuxTunnel existing = tunnels.get(name);
            if (existing != null) {
                return existing;
            }
            LinuxTunnel created = new LinuxTunnel(name, control, netlink, routes::tunnelChanged);
            tunnels.put(name, created);
            return created;
        }
    }

    @Override
    public List<TunnelInterface> tunnels() {
        return new ArrayList<>(tunnels.values());
    }

    @Override
    public void removeTunnel(String name) {
        LinuxTunnel removed;
        synchronized (tunnels) {
            removed = tunnels.remove(name);
        }
        if (removed != null) {
            removed.close();
            routes.tunnelRemoved(name);
        }
    }

    @Override
    public DatagramPort openDatagram(InetSocketAddress local) throws IOException {
        checkReady();
        return new LinuxDatagramPort(local);
    }

    @Override
    public RawIpPort openRawIp(InetAddress local, int protocol) throws IOException {
        checkReady();
        return new LinuxRawIpPort(local, protocol);
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    /** No SA offload here: the kernel's XFRM is a driver of its own. */
    @Override
    public List<SaOffload> offloads() {
        return List.of();
    }

    /** Removes the tunnel devices (and with them their routes) and secplane's gateway routes. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (String name : List.copyOf(tunnels.keySet())) {
            removeTunnel(name);
        }
        if (netlink != null) {
            routes.clear();
            netlink.close();
        }
        if (control >= 0) {
            LibC.close(control);
        }
    }

    private void checkReady() throws IOException {
        if (closed) {
            throw new IOException("the linux device family has been stopped");
        }
        if (notReady != null) {
            throw new IOException("the linux device family is not ready: " + notReady);
        }
    }

    private static String namespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return "unknown";
        }
    }

    @Override
    public String toString() {
        return "linux family (" + status() + ")";
    }
}
