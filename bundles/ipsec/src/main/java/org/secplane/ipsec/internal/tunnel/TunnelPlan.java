package org.secplane.ipsec.internal.tunnel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.secplane.config.ConfigView;

/**
 * What the committed configuration wants of the tunnel interfaces: every {@code interfaces st0 unit N}
 * with its {@code family inet|inet6} addresses, MTU and {@code disable}, and every static route of the
 * main routing instance whose next hop is one of those units ({@code routing-options static route P
 * next-hop st0.N}, IPv6 ones under {@code rib inet6.0}).
 *
 * <p>One device MTU per unit, as the host has one: {@code family inet mtu}, else {@code family inet6 mtu},
 * else the interface's {@code mtu}, else {@value #DEFAULT_MTU}.
 */
public final class TunnelPlan {

    /** The MTU of a unit that configures none (that of a new TUN device). */
    public static final int DEFAULT_MTU = 1500;

    private final boolean configured;
    private final boolean enabled;
    private final Map<String, Unit> units;
    private final List<Route> routes;

    private TunnelPlan(boolean configured, boolean enabled, Map<String, Unit> units, List<Route> routes) {
        this.configured = configured;
        this.enabled = enabled;
        this.units = Collections.unmodifiableMap(units);
        this.routes = List.copyOf(routes);
    }

    /** The plan of a configuration without tunnel interfaces. */
    public static TunnelPlan empty() {
        return new TunnelPlan(false, true, new LinkedHashMap<>(), List.of());
    }

    public static TunnelPlan of(ConfigView root) {
        Map<String, Unit> units = new LinkedHashMap<>();
        Optional<ConfigView> st0 = root.find("interfaces", "st0");
        if (st0.isPresent()) {
            boolean deviceDisabled = st0.get().has("disable");
            Integer deviceMtu = st0.get().leaf("mtu").map(Integer::valueOf).orElse(null);
            for (ConfigView unit : st0.get().children("unit")) {
                String name = "st0." + unit.value();
                List<String> addresses = new ArrayList<>();
                Integer mtu = null;
                for (String family : new String[] {"inet", "inet6"}) {
                    Optional<ConfigView> block = unit.find("family", family);
                    if (block.isPresent()) {
                        block.get().children("address").forEach(address -> addresses.add(address.value()));
                        if (mtu == null) {
                            mtu = block.get().leaf("mtu").map(Integer::valueOf).orElse(null);
                        }
                    }
                }
                if (mtu == null) {
                    mtu = deviceMtu;
                }
                boolean inet = unit.find("family", "inet").isPresent();
                boolean inet6 = unit.find("family", "inet6").isPresent();
                units.put(name, new Unit(name, addresses, mtu == null ? DEFAULT_MTU : mtu,
                        !deviceDisabled && !unit.has("disable"), inet, inet6));
            }
        }
        Set<Route> routes = new LinkedHashSet<>();
        root.find("routing-options", "static").ifPresent(table -> addRoutes(table, units, routes));
        root.child("routing-options").ifPresent(options -> {
            for (ConfigView rib : options.children("rib")) {
                rib.child("static").ifPresent(table -> addRoutes(table, units, routes));
            }
        });
        return new TunnelPlan(st0.isPresent(), st0.map(d -> !d.has("disable")).orElse(true), units, new ArrayList<>(routes));
    }

    private static void addRoutes(ConfigView table, Map<String, Unit> units, Set<Route> routes) {
        for (ConfigView route : table.children("route")) {
            String prefix = route.value();
            List<String> hops = new ArrayList<>(route.values("next-hop"));
            route.children("qualified-next-hop").forEach(hop -> hops.add(hop.value()));
            for (String hop : hops) {
                if (units.containsKey(hop)) {
                    routes.add(new Route(prefix, hop));
                }
            }
        }
    }

    /** Whether {@code interfaces st0} is configured at all. */
    public boolean configured() {
        return configured;
    }

    /** False when {@code interfaces st0 disable} is configured. */
    public boolean enabled() {
        return enabled;
    }

    /** The st0 units by name ({@code st0.0}), in configuration order. */
    public Map<String, Unit> units() {
        return units;
    }

    public List<Route> routes() {
        return routes;
    }

    /** One {@code interfaces st0 unit N}. */
    public static final class Unit {
        private final String name;
        private final List<String> addresses;
        private final int mtu;
        private final boolean enabled;
        private final boolean inet;
        private final boolean inet6;

        public Unit(String name, List<String> addresses, int mtu, boolean enabled, boolean inet, boolean inet6) {
            this.name = name;
            this.addresses = List.copyOf(addresses);
            this.mtu = mtu;
            this.enabled = enabled;
            this.inet = inet;
            this.inet6 = inet6;
        }

        public String name() {
            return name;
        }

        /** IPv4 then IPv6 prefixes, as configured ({@code 10.11.11.10/24}). */
        public List<String> addresses() {
            return addresses;
        }

        public int mtu() {
            return mtu;
        }

        /** False when the unit or st0 is {@code disable}d. */
        public boolean enabled() {
            return enabled;
        }

        /** Whether {@code family inet} / {@code family inet6} is configured (with or without addresses). */
        public boolean inet() {
            return inet;
        }

        public boolean inet6() {
            return inet6;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Unit)) {
                return false;
            }
            Unit u = (Unit) o;
            return u.name.equals(name) && u.addresses.equals(addresses) && u.mtu == mtu && u.enabled == enabled
                    && u.inet == inet && u.inet6 == inet6;
        }

        @Override
        public int hashCode() {
            return Objects.hash(name, addresses, mtu, enabled, inet, inet6);
        }

        @Override
        public String toString() {
            return name + " " + addresses + " mtu " + mtu + (enabled ? "" : " disabled");
        }
    }

    /** A static route through a tunnel unit. */
    public static final class Route {
        private final String prefix;
        private final String nextHop;

        public Route(String prefix, String nextHop) {
            this.prefix = prefix;
            this.nextHop = nextHop;
        }

        public String prefix() {
            return prefix;
        }

        public String nextHop() {
            return nextHop;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Route && ((Route) o).prefix.equals(prefix) && ((Route) o).nextHop.equals(nextHop);
        }

        @Override
        public int hashCode() {
            return Objects.hash(prefix, nextHop);
        }

        @Override
        public String toString() {
            return prefix + " next-hop " + nextHop;
        }
    }
}
