package org.secplane.driver.simulator.internal;

import org.secplane.driver.IpPrefix;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.secplane.driver.RouteTable;

/**
 * The simulator's routing table: static routes to a tunnel interface or a gateway address, with the
 * longest-prefix lookup a data plane uses to pick the tunnel of a cleartext packet.
 */
public final class SimulatedRouteTable implements RouteTable {

    private final Map<String, Route> routes = new LinkedHashMap<>();
    private final Predicate<String> tunnelExists;

    /** {@code tunnelExists} tells whether an interface next hop ({@code st0.0}) exists. */
    public SimulatedRouteTable(Predicate<String> tunnelExists) {
        this.tunnelExists = tunnelExists;
    }

    @Override
    public synchronized void add(String prefix, String nextHop) throws IOException {
        IpPrefix destination = IpPrefix.parse(prefix).network();
        String hop = nextHop(destination, nextHop);
        routes.putIfAbsent(key(destination, hop), new Route(destination, hop));
    }

    @Override
    public synchronized void remove(String prefix, String nextHop) {
        IpPrefix destination = IpPrefix.parse(prefix).network();
        String hop = nextHop.indexOf('/') < 0 && looksLikeAddress(nextHop) ? IpPrefix.format(IpPrefix.literal(nextHop)) : nextHop;
        routes.remove(key(destination, hop));
    }

    @Override
    public synchronized List<String> list() {
        List<String> out = new ArrayList<>();
        for (Route route : routes.values()) {
            out.add(route.prefix + " " + route.nextHop);
        }
        return out;
    }

    /** The next hop of the most specific route containing {@code destination}. */
    public synchronized Optional<String> lookup(InetAddress destination) {
        Route best = null;
        for (Route route : routes.values()) {
            if (route.prefix.contains(destination) && (best == null || route.prefix.length() > best.prefix.length())) {
                best = route;
            }
        }
        return Optional.ofNullable(best).map(r -> r.nextHop);
    }

    /** Drops the routes through {@code tunnel} (it was removed, as the kernel does). */
    synchronized void removeVia(String tunnel) {
        routes.values().removeIf(route -> route.nextHop.equals(tunnel));
    }

    private String nextHop(IpPrefix destination, String nextHop) throws IOException {
        if (looksLikeAddress(nextHop)) {
            InetAddress gateway = IpPrefix.literal(nextHop);
            if (gateway.getAddress().length != destination.address().getAddress().length) {
                throw new IllegalArgumentException("route " + destination + ": gateway " + nextHop + " is of another address family");
            }
            return IpPrefix.format(gateway);
        }
        if (!tunnelExists.test(nextHop)) {
            throw new IOException("route " + destination + ": no interface " + nextHop);
        }
        return nextHop;
    }

    private static boolean looksLikeAddress(String text) {
        return text.indexOf(':') >= 0 || text.matches("[0-9.]+");
    }

    private static String key(IpPrefix prefix, String nextHop) {
        return prefix + " " + nextHop;
    }

    private static final class Route {
        final IpPrefix prefix;
        final String nextHop;

        Route(IpPrefix prefix, String nextHop) {
            this.prefix = prefix;
            this.nextHop = nextHop;
        }
    }
}
