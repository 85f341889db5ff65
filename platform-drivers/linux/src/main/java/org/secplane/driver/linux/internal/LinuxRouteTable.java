package org.secplane.driver.linux.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.secplane.driver.RouteTable;

/**
 * Static routes in the host's main routing table through rtnetlink ({@code proto static}), IPv4 and
 * IPv6, to a tunnel interface ({@code dev st0.0}) or a gateway. The table remembers what secplane wants:
 * a route through a tunnel that is down cannot be in the kernel (which also drops such routes when an
 * interface goes down), so it waits and is installed again when the tunnel comes up.
 */
final class LinuxRouteTable implements RouteTable {

    private final Rtnetlink netlink;
    private final Function<String, LinuxTunnel> tunnels;
    private final Map<String, Route> routes = new LinkedHashMap<>();

    /** {@code tunnels} finds an existing tunnel interface by name, or returns null. */
    LinuxRouteTable(Rtnetlink netlink, Function<String, LinuxTunnel> tunnels) {
        this.netlink = netlink;
        this.tunnels = tunnels;
    }

    @Override
    public synchronized void add(String prefix, String nextHop) throws IOException {
        Route route = Route.parse(prefix, nextHop);
        if (routes.containsKey(route.key())) {
            return;
        }
        if (route.gateway == null && tunnels.apply(route.device) == null) {
            throw new IOException("route " + route.key() + ": no interface " + route.device);
        }
        install(route);
        routes.put(route.key(), route);
    }

    @Override
    public synchronized void remove(String prefix, String nextHop) throws IOException {
        Route route = routes.remove(Route.parse(prefix, nextHop).key());
        if (route != null && route.installed) {
            uninstall(route);
        }
    }

    @Override
    public synchronized List<String> list() {
        return new ArrayList<>(routes.keySet());
    }

    /** Routes waiting for their tunnel to come up. */
    synchronized List<String> pending() {
        List<String> pending = new ArrayList<>();
        for (Route route : routes.values()) {
            if (!route.installed) {
                pending.add(route.key());
            }
        }
        return pending;
    }

    /** The tunnel went up (its routes go back into the kernel) or down (the kernel dropped them). */
    synchronized void tunnelChanged(LinuxTunnel tunnel, boolean up) throws IOException {
        if (!up) {
            for (Route route : routes.values()) {
                if (tunnel.name().equals(route.device)) {
                    route.installed = false;
                }
            }
            return;
        }
        IOException first = null;
        for (Route route : routes.values()) {
            if (tunnel.name().equals(route.device)) {
                try {
                    install(route);
                } catch (IOException e) {
                    first = first == null ? e : first;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** The tunnel was removed: the kernel dropped its routes, and so does the table. */
    synchronized void tunnelRemoved(String name) {
        routes.values().removeIf(route -> name.equals(route.device));
    }

    /** Takes secplane's gateway routes out of the kernel (tunnel routes leave with their devices). */
    synchronized void clear() {
        for (Route route : routes.values()) {
            if (route.installed && route.gateway != null) {
                try {
                    uninstall(route);
                } catch (IOException ignored) {
                    // already gone
                }
            }
        }
        routes.clear();
    }

    private void install(Route route) throws IOException {
        if (netlink == null) {
            throw new IOException("route " + route.key() + ": the linux device family is not ready");
        }
        if (route.gateway != null) {
            netlink.addRoute(route.destination, route.length, 0, route.gateway);
            route.installed = true;
            return;
        }
        LinuxTunnel tunnel = tunnels.apply(route.device);
        if (tunnel == null || !tunnel.isUp()) {
            route.installed = false;
            return;
        }
        try {
            netlink.addRoute(route.destination, route.length, tunnel.index(), null);
            route.installed = true;
        } catch (LibC.ErrnoException e) {
            if (e.errno() != LibC.ENETDOWN) {
                throw e;
            }
            route.installed = false;
        }
    }

    private void uninstall(Route route) throws IOException {
        LinuxTunnel tunnel = route.device == null ? null : tunnels.apply(route.device);
        try {
            netlink.deleteRoute(route.destination, route.length, tunnel == null ? 0 : tunnel.index(), route.gateway);
        } catch (LibC.ErrnoException e) {
            if (e.errno() != LibC.ESRCH && e.errno() != LibC.ENODEV) {
                throw e;
            }
        }
        route.installed = false;
    }

    private static final class Route {
        final InetAddress destination;
        final int length;
        final String device;
        final InetAddress gateway;
        boolean installed;

        private Route(InetAddress destination, int length, String device, InetAddress gateway) {
            this.destination = destination;
            this.length = length;
            this.device = device;
            this.gateway = gateway;
        }

        static Route parse(String prefix, String nextHop) {
            IpPrefix destination = IpPrefix.parse(prefix).network();
            int length = destination.length();
            InetAddress network = destination.address();
            if (nextHop.indexOf(':') >= 0 || nextHop.matches("[0-9.]+")) {
                InetAddress gateway = IpPrefix.literal(nextHop);
                if (gateway.getAddress().length != network.getAddress().length) {
                    throw new IllegalArgumentException("route " + prefix + ": gateway " + nextHop + " is of another address family");
                }
                return new Route(network, length, null, gateway);
            }
            return new Route(network, length, nextHop, null);
        }

        String key() {
            return IpPrefix.format(destination) + "/" + length + " " + (gateway != null ? IpPrefix.format(gateway) : device);
        }
    }
}
