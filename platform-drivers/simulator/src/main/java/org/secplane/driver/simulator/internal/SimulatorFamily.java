package org.secplane.driver.simulator.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.secplane.config.ConfigView;
import org.secplane.driver.DatagramPort;
import org.secplane.driver.DeviceFamily;
import org.secplane.driver.PlatformSelection;
import org.secplane.driver.RawIpPort;
import org.secplane.driver.RouteTable;
import org.secplane.driver.SaOffload;
import org.secplane.driver.TunnelInterface;
import org.secplane.driver.simulator.internal.accelerator.SimulatedAccelerator;

/**
 * The {@code simulator} device family: tunnel interfaces are in-memory packet queues, the external
 * interfaces are a node on a {@link SimulatedNetwork} holding the addresses the Junos configuration gives
 * them ({@code interfaces ge-0/0/3 unit 0 family inet address 1.1.1.2/30}, see {@link #configure}), UDP
 * and raw IP sockets are delivered over that wire, routes live in an in-memory table, and an optional
 * {@link SimulatedAccelerator} offers SA offload. Needs no privileges; several families on one network
 * are several devices in one JVM.
 */
public final class SimulatorFamily implements DeviceFamily, AutoCloseable {

    public static final String NAME = PlatformSelection.SIMULATOR;

    private final SimulatedNetwork network;
    private final SimulatedNetwork.Node node;
    private final Map<String, String> interfaceMap;
    private final SimulatedAccelerator accelerator;
    private final Map<String, SimulatedTunnel> tunnels = new ConcurrentHashMap<>();
    private final SimulatedRouteTable routes = new SimulatedRouteTable(tunnels::containsKey);
    private volatile Map<String, List<String>> externalInterfaces = Map.of();
    private volatile List<String> conflicts = List.of();
    private final List<String> notes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile boolean closed;

    /**
     * A device named {@code nodeName} on {@code network}; {@code interfaceMap} may rename Junos interfaces
     * for display; {@code accelerator} may be {@code null}.
     */
    public SimulatorFamily(SimulatedNetwork network, String nodeName, Map<String, String> interfaceMap,
            SimulatedAccelerator accelerator) {
        this.network = network;
        this.node = network.attach(nodeName);
        this.interfaceMap = Map.copyOf(interfaceMap);
        this.accelerator = accelerator;
    }

    public SimulatorFamily(SimulatedNetwork network, String nodeName) {
        this(network, nodeName, Map.of(), null);
    }

    /**
     * Takes the external interfaces and their addresses from the committed configuration: every
     * configured unit's {@code family inet|inet6 address} except those of st0 (tunnel interfaces, which the
     * IPsec bundle applies) and of disabled interfaces or units.
     */
    public void configure(ConfigView root) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        root.child("interfaces").ifPresent(interfaces -> {
            for (ConfigView device : interfaces.children()) {
                if (device.keyword().equals("st0") || device.has("disable")) {
                    continue;
                }
                for (ConfigView unit : device.children("unit")) {
                    if (unit.has("disable")) {
                        continue;
                    }
                    List<String> prefixes = new ArrayList<>();
                    for (String family : new String[] {"inet", "inet6"}) {
                        unit.find("family", family).ifPresent(f -> f.children("address").forEach(a -> prefixes.add(a.value())));
                    }
                    units.put(device.keyword() + "." + unit.value(), prefixes);
                }
            }
        });
        setExternalInterfaces(units);
    }

    /** Sets the external interface units ({@code ge-0/0/3.0}) and their prefixes directly. */
    public void setExternalInterfaces(Map<String, List<String>> units) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (List<String> prefixes : units.values()) {
            for (String prefix : prefixes) {
                addresses.add(IpPrefix.parse(prefix).address());
            }
        }
        externalInterfaces = Map.copyOf(units);
        conflicts = List.copyOf(node.setAddresses(addresses));
    }

    public SimulatedNetwork network() {
        return network;
    }

    public SimulatedNetwork.Node node() {
        return node;
    }

    public Optional<SimulatedAccelerator> accelerator() {
        return Optional.ofNullable(accelerator);
    }

    /** A tunnel interface as the host sees it (to inject and collect packets). */
    public Optional<SimulatedTunnel> simulatedTunnel(String name) {
        return Optional.ofNullable(tunnels.get(name));
    }

    /** The simulator's route table, with its longest-prefix lookup. */
    public SimulatedRouteTable simulatedRoutes() {
        return routes;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String hardware() {
        return "in-memory interfaces on " + network + " as node " + node.name()
                + (accelerator == null ? ", no accelerator" : ", simulated accelerator " + accelerator.spec().name() + " ("
                        + accelerator.spec().model() + ")");
    }

    @Override
    public String status() {
        if (closed) {
            return "stopped";
        }
        StringBuilder status = new StringBuilder("ready: ");
        int addresses = node.addresses().size();
        status.append(addresses == 0 ? "no external addresses configured" : addresses + " external address"
                + (addresses == 1 ? "" : "es") + " on the wire");
        status.append(", ").append(tunnels.size()).append(" tunnel interface").append(tunnels.size() == 1 ? "" : "s");
        for (String conflict : conflicts) {
            status.append("; address conflict: ").append(conflict);
        }
        for (String note : notes) {
            status.append("; ").append(note);
        }
        return status.toString();
    }

    /** Adds a remark to the status ({@code accelerator not loaded: …}). */
    public void addNote(String note) {
        notes.add(note);
    }

    @Override
    public List<String> drivers() {
        List<String> drivers = new ArrayList<>();
        drivers.add("tunnels: in-memory packet queues (st0.N)");
        drivers.add("wire: " + network + ", UDP and raw IP delivery");
        int routeCount = routes.list().size();
        drivers.add("routes: in-memory table, " + routeCount + (routeCount == 1 ? " route" : " routes"));
        if (accelerator != null) {
            drivers.add(accelerator.describe());
        }
        return drivers;
    }

    @Override
    public Optional<String> hostInterface(String junosInterfaceUnit) {
        Optional<String> mapped = PlatformSelection.hostInterface(interfaceMap, junosInterfaceUnit);
        if (mapped.isPresent()) {
            return mapped;
        }
        String unit = junosInterfaceUnit.indexOf('.') < 0 ? junosInterfaceUnit + ".0" : junosInterfaceUnit;
        // every configured interface is a simulated NIC of the same name
        return externalInterfaces.containsKey(unit) ? Optional.of(unit.substring(0, unit.lastIndexOf('.'))) : Optional.empty();
    }

    @Override
    public List<InetAddress> localAddresses() {
        return List.copyOf(node.addresses());
    }

    @Override
    public TunnelInterface tunnel(String name) throws IOException {
        checkOpen();
        if (!name.matches("st0\\.[0-9]{1,5}")) {
            throw new IllegalArgumentException("'" + name + "' is not a tunnel interface name (st0.N)");
        }
        return tunnels.computeIfAbsent(name, SimulatedTunnel::new);
    }

    @Override
    public List<TunnelInterface> tunnels() {
        return new ArrayList<>(tunnels.values());
    }

    @Override
    public void removeTunnel(String name) {
        SimulatedTunnel removed = tunnels.remove(name);
        if (removed != null) {
            removed.close();
            routes.removeVia(name);
        }
    }

    @Override
    public DatagramPort openDatagram(InetSocketAddress local) throws IOException {
        checkOpen();
        return node.bindDatagram(local);
    }

    @Override
    public RawIpPort openRawIp(InetAddress local, int protocol) throws IOException {
        checkOpen();
        return node.bindRaw(local, protocol);
    }

    @Override
    public RouteTable routes() {
        return routes;
    }

    @Override
    public List<SaOffload> offloads() {
        return accelerator == null || accelerator.spec().offloadModes().isEmpty() ? List.of() : List.of(accelerator.offload());
    }

    /** Removes every tunnel and leaves the wire. */
    @Override
    public void close() {
        closed = true;
        for (String name : List.copyOf(tunnels.keySet())) {
            removeTunnel(name);
        }
        node.detach();
    }

    private void checkOpen() throws IOException {
        if (closed) {
            throw new SocketException("the simulator device family has been stopped");
        }
    }

    @Override
    public String toString() {
        return "simulator family (" + node + " on " + network + ")";
    }
}
