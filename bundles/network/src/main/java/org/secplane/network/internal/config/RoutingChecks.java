package org.secplane.network.internal.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.secplane.config.CommitContext;
import org.secplane.config.ConfigView;

/**
 * Commit checks of {@code [edit routing-options]}, {@code [edit routing-instances]}, {@code [edit
 * protocols]} and {@code [edit policy-options]}.
 *
 * <ul>
 * <li>Routing-instance interfaces must be configured units, each in one instance only. A {@code vrf}
 * needs a route distinguisher and either {@code vrf-target} or both {@code vrf-import} and
 * {@code vrf-export} (EX-6).</li>
 * <li>A static route needs a next hop ({@code next-hop}, {@code qualified-next-hop}) or
 * discard/reject/receive; an interface next hop ({@code st0.0}, {@code sp-3/1/0.1}) must be a configured
 * unit (warning when it belongs to another routing instance: the route cannot resolve); an address next
 * hop must be of the route's family, and off-link addresses without {@code resolve} get a warning (the
 * route stays inactive — the class of E7's printed Westford default route 3.1.1.1, §4.7). A {@code rib} is {@code inet.0}/{@code inet6.0} at the top level and
 * {@code <instance>.inet.0}/{@code <instance>.inet6.0} inside an instance, with routes of its family.</li>
 * <li>OSPF/OSPFv3 interfaces must be configured units. The {@code ipsec-sa} of OSPFv3 and BGP is not checked
 * here: an undefined name is not a commit error (D-19, V-E06) and the services bundle checks V-E07; BGP {@code ipsec-sa} is not checked
 * (V-E06).</li>
 * <li>A community needs members.</li>
 * <li>D-39 (§1.16, §6.3 item 51), the cheap rules: (1) the address of an IKE gateway's (or manual VPN's)
 * external interface must not overlap an interface address of another routing instance; (3) the addresses
 * of multipoint st0 units must not overlap; (5) a (local address, remote gateway) pair is unique across
 * routing instances. Rules 2 and 4 allow overlaps and need no check; rule 6 (lo0 external interface and the
 * physical interface that carries IKE in the same VR) depends on route resolution and is not checked.
 * The gateway statements belong to the IKE/IPsec bundles and are only read.</li>
 * <li>D-40 (§6.3 item 52): a {@code dynamic} IKE gateway cannot have its external interface, nor a VPN
 * through it its st0 unit, in a non-default routing instance.</li>
 * </ul>
 */
final class RoutingChecks {

    private RoutingChecks() {
    }

    static void check(CommitContext context, NetworkView network) {
        network.root.child("routing-options").ifPresent(options ->
                checkRoutingOptions(context, network, options, NetworkView.DEFAULT_INSTANCE));
        network.root.child("protocols").ifPresent(protocols -> checkProtocols(context, network, protocols));
        Map<String, String> instanceOfUnit = new HashMap<>();
        for (ConfigView instance : network.instances()) {
            String name = instance.keyword();
            for (ConfigView member : instance.children("interface")) {
                String unit = member.value();
                if (!network.isConfigured(unit)) {
                    context.error(member, NetworkView.missingUnitMessage(unit));
                }
                String other = instanceOfUnit.putIfAbsent(unit, name);
                if (other != null) {
                    context.error(member, "interface " + unit + " is already in routing instance '" + other
                            + "'; an interface belongs to one routing instance only");
                }
            }
            if ("vrf".equals(instance.leaf("instance-type").orElse(null))) {
                if (!instance.has("route-distinguisher")) {
                    context.error(instance, "routing instance '" + name + "' of type vrf needs a route-distinguisher");
                }
                if (!instance.has("vrf-target") && !(instance.has("vrf-import") && instance.has("vrf-export"))) {
                    context.error(instance, "routing instance '" + name + "' of type vrf needs vrf-target, or both "
                            + "vrf-import and vrf-export");
                }
            }
            instance.child("routing-options").ifPresent(options -> checkRoutingOptions(context, network, options, name));
            instance.child("protocols").ifPresent(protocols -> checkProtocols(context, network, protocols));
        }
        network.root.child("policy-options").ifPresent(options -> {
            for (ConfigView community : options.children("community")) {
                if (!community.has("members")) {
                    context.error(community, "community '" + community.value() + "' needs members");
                }
            }
        });
        checkVirtualRouterRules(context, network);
    }

    private static void checkRoutingOptions(CommitContext context, NetworkView network, ConfigView options,
            String instance) {
        options.child("static").ifPresent(s -> checkRoutes(context, network, s, instance, null));
        for (ConfigView rib : options.children("rib")) {
            String table = rib.value();
            boolean top = instance.equals(NetworkView.DEFAULT_INSTANCE);
            String local = top ? table : table.startsWith(instance + ".") ? table.substring(instance.length() + 1) : null;
            if (local == null || local.indexOf('.') != local.lastIndexOf('.')) {
                context.error(rib, "routing table '" + table + "' is not a table of "
                        + (top ? "the main instance (use inet.0 or inet6.0)"
                                : "routing instance '" + instance + "' (use " + instance + ".inet6.0)"));
                continue;
            }
            Boolean v6 = local.startsWith("inet6") ? Boolean.TRUE : Boolean.FALSE;
            rib.child("static").ifPresent(s -> checkRoutes(context, network, s, instance, v6));
        }
    }

    private static void checkRoutes(CommitContext context, NetworkView network, ConfigView staticRoutes,
            String instance, Boolean ribIsV6) {
        for (ConfigView route : staticRoutes.children("route")) {
            Optional<Prefix> destination = Prefix.parse(route.value());
            if (ribIsV6 != null && destination.isPresent() && destination.get().v6 != ribIsV6) {
                context.error(route, "route " + route.value() + " does not belong in an "
                        + (ribIsV6 ? "IPv6" : "IPv4") + " routing table");
            }
            if (!route.has("next-hop") && !route.has("qualified-next-hop") && !route.has("discard")
                    && !route.has("reject") && !route.has("receive")) {
                context.error(route, "route " + route.value() + " needs a next-hop (address or interface), a "
                        + "qualified-next-hop, or discard, reject or receive");
            }
            route.child("next-hop").ifPresent(hops -> {
                for (String hop : hops.arguments()) {
                    checkNextHop(context, network, hops, hop, destination, instance);
                }
            });
            for (ConfigView qualified : route.children("qualified-next-hop")) {
                checkNextHop(context, network, qualified, qualified.value(), destination, instance);
            }
        }
    }

    private static void checkNextHop(CommitContext context, NetworkView network, ConfigView statement, String hop,
            Optional<Prefix> destination, String instance) {
        Optional<Prefix> address = Prefix.parse(hop);
        if (address.isPresent()) {
            if (destination.isPresent() && destination.get().v6 != address.get().v6) {
                context.error(statement, "next hop " + hop + " is not of the address family of route " + destination.get());
            } else if (!onLink(network, address.get(), instance) && !resolves(statement)) {
                context.warning(statement, "next hop " + hop + " is not on a subnet of an interface of routing instance '"
                        + instance + "'; the route stays inactive (add 'resolve' for an indirect next hop)");
            }
            return;
        }
        if (!network.isConfigured(hop)) {
            context.error(statement, "next hop " + NetworkView.missingUnitMessage(hop));
        } else if (!network.instanceOf(hop).equals(instance)) {
            context.warning(statement, "next-hop interface " + hop + " is in routing instance '" + network.instanceOf(hop)
                    + "', not in '" + instance + "'; the route cannot resolve through it");
        }
    }

    private static boolean onLink(NetworkView network, Prefix hop, String instance) {
        for (NetworkView.Unit unit : network.units()) {
            if (network.instanceOf(unit.name).equals(instance)
                    && network.addresses(unit.view).stream().anyMatch(subnet -> subnet.contains(hop))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the route of a next-hop statement (or the qualified next hop's route) has {@code resolve}. */
    private static boolean resolves(ConfigView statement) {
        ConfigView route = statement.keyword().equals("route") ? statement : statement.parent();
        return route != null && route.has("resolve");
    }

    private static void checkProtocols(CommitContext context, NetworkView network, ConfigView protocols) {
        for (String protocol : List.of("ospf", "ospf3")) {
            protocols.child(protocol).ifPresent(ospf -> {
                for (ConfigView area : ospf.children("area")) {
                    for (ConfigView member : area.children("interface")) {
                        String unit = member.value();
                        if (!unit.equals("all") && !network.isConfigured(unit)) {
                            context.error(member, NetworkView.missingUnitMessage(unit));
                        }
                    }
                }
            });
        }
    }

    // ------------------------------------------------------------------ D-39, D-40

    private static void checkVirtualRouterRules(CommitContext context, NetworkView network) {
        Map<String, String> pairInstance = new HashMap<>();
        for (ConfigView gateway : network.gateways()) {
            Optional<ConfigView> external = gateway.child("external-interface");
            if (external.isEmpty()) {
                continue;
            }
            String unit = external.get().value();
            String instance = network.instanceOf(unit);
            externalOverlap(context, network, external.get(), unit, instance, "IKE gateway '" + gateway.value() + "'");
            if (gateway.has("dynamic") && !instance.equals(NetworkView.DEFAULT_INSTANCE)) {
                context.error(external.get(), "IKE gateway '" + gateway.value() + "' is dynamic; its external interface "
                        + unit + " cannot be in routing instance '" + instance + "' (D-40)");
            }
            for (Prefix local : network.addresses(unit)) {
                for (String remote : gateway.values("address")) {
                    String pair = local.host() + " " + remote;
                    String other = pairInstance.putIfAbsent(pair, instance);
                    if (other != null && !other.equals(instance)) {
                        context.error(external.get(), "IKE gateway '" + gateway.value() + "': local address " + local.host()
                                + " and remote gateway " + remote + " are already used by a tunnel in routing instance '"
                                + other + "'; the pair must be unique across routing instances (D-39)");
                    }
                }
            }
        }
        for (ConfigView vpn : network.vpns()) {
            vpn.find("manual", "external-interface").ifPresent(external -> externalOverlap(context, network, external,
                    external.value(), network.instanceOf(external.value()), "manual VPN '" + vpn.value() + "'"));
            Optional<String> bound = vpn.leaf("bind-interface");
            Optional<ConfigView> gateway = vpn.find("ike", "gateway").flatMap(g -> network.gateway(g.value()));
            if (bound.isPresent() && gateway.isPresent() && gateway.get().has("dynamic")
                    && !network.instanceOf(bound.get()).equals(NetworkView.DEFAULT_INSTANCE)) {
                context.error(vpn.child("bind-interface").get(), "VPN '" + vpn.value() + "' uses the dynamic IKE gateway '"
                        + gateway.get().value() + "'; its " + bound.get() + " cannot be in routing instance '"
                        + network.instanceOf(bound.get()) + "' (D-40)");
            }
        }
        List<NetworkView.Unit> multipoint = network.units().stream()
                .filter(u -> u.device().equals("st0") && u.view.has("multipoint")).collect(Collectors.toList());
        for (int i = 0; i < multipoint.size(); i++) {
            for (int j = i + 1; j < multipoint.size(); j++) {
                NetworkView.Unit a = multipoint.get(i);
                NetworkView.Unit b = multipoint.get(j);
                for (Prefix pa : network.addresses(a.view)) {
                    for (Prefix pb : network.addresses(b.view)) {
                        if (pa.overlaps(pb)) {
                            context.error(b.view, "address " + pb + " of multipoint " + b.name + " overlaps " + pa + " of multipoint "
                                    + a.name + "; st0 addresses of point-to-multipoint tunnels must not overlap (D-39)");
                        }
                    }
                }
            }
        }
    }

    /** D-39 rule 1. */
    private static void externalOverlap(CommitContext context, NetworkView network, ConfigView statement, String unit,
            String instance, String owner) {
        List<Prefix> own = network.addresses(unit);
        for (NetworkView.Unit other : network.units()) {
            if (other.name.equals(unit) || network.instanceOf(other.name).equals(instance)) {
                continue;
            }
            for (Prefix mine : own) {
                for (Prefix theirs : network.addresses(other.view)) {
                    if (mine.overlaps(theirs)) {
                        context.error(statement, "external interface " + unit + " (" + mine + ") of " + owner + " overlaps "
                                + other.name + " (" + theirs + ") in routing instance '" + network.instanceOf(other.name)
                                + "'; an IKE external address must not overlap another routing instance (D-39)");
                    }
                }
            }
        }
    }
}
