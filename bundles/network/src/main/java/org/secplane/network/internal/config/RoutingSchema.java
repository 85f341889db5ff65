package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.keylessList;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.ipAddress;
import static org.secplane.config.schema.Types.ipPrefix;
import static org.secplane.config.schema.Types.ipv4Address;
import static org.secplane.config.schema.Types.ipv4Prefix;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.Leaf;
import org.secplane.config.schema.ListNode;
import org.secplane.config.schema.ValueType;

/**
 * {@code [edit routing-options]}, {@code [edit routing-instances]}, {@code [edit protocols]} and
 * {@code [edit policy-options]} as the examples use them: static routes to addresses, st0 units and
 * services-PIC units (ipsec-srx.md §2.4, E1–E9; ipsec-services-and-es-pic.md EX-6), virtual routers
 * with st0 units (E4, §1.16), VRFs (EX-6), BGP/OSPFv3 protected by ES-PIC SAs ({@code ipsec-sa},
 * ipsec-services-and-es-pic.md §2.3, §5.4).
 */
final class RoutingSchema {

    private RoutingSchema() {
    }

    private static final String POLICY_STATEMENTS = "policy-options policy-statement";
    private static final long MAX32 = 4294967295L;

    /** Routing options of the main instance ({@code topLevel}) or of a routing instance (no PID of its own). */
    static Container routingOptions(boolean topLevel) {
        Container options = container("routing-options",
                container("static", route(ipv4Prefix(false))).help("Static routes"),
                list("rib", key(NetworkTypes.ribName()),
                        container("static", route(ipPrefix(false))).help("Static routes"))
                        .help("Routing table options (inet6.0 for IPv6 static routes)"),
                leaf("router-id", ipv4Address()).help("Router identifier"),
                leaf("autonomous-system", integer(1, MAX32)).help("Autonomous system number"))
                .help("Protocol-independent routing option configuration");
        return topLevel ? options.pid("org.secplane.network.routing-options") : options;
    }

    private static ListNode route(ValueType prefix) {
        ListNode qualified = list("qualified-next-hop", key(NetworkTypes.nextHop()),
                leaf("preference", integer(0, MAX32)).help("Preference value"),
                leaf("metric", integer(0, MAX32)).help("Metric value"))
                .help("Next hop with qualifiers");
        return list("route", key(prefix),
                choice(leafList("next-hop", NetworkTypes.nextHop())
                                .help("Next hop to destination: an address, or an interface such as st0.0 or sp-3/1/0.1"),
                        flag("discard").help("Drop packets to destination; send no ICMP unreachables"),
                        flag("reject").help("Drop packets to destination; send ICMP unreachables"),
                        flag("receive").help("Install a receive route for the destination")),
                qualified,
                leaf("preference", integer(0, MAX32)).help("Preference value"),
                leaf("metric", integer(0, MAX32)).help("Metric value"),
                flag("resolve").help("Allow resolution of indirectly connected next hops"),
                flag("no-readvertise").help("Don't mark route as eligible to be readvertised"))
                .help("Static route");
    }

    static Container routingInstances() {
        Container vrfTarget = container("vrf-target",
                leaf("community", NetworkTypes.community()).noKeyword().help("Target community to use in import and export"),
                leaf("import", NetworkTypes.community()).help("Target community to use when filtering on import"),
                leaf("export", NetworkTypes.community()).help("Target community to use when marking routes on export"))
                .oneLine().help("VRF target community configuration");
        return container("routing-instances",
                keylessList("instance", key(name("routing-instance-name")),
                        leaf("description", string("description")).help("Text description of routing instance"),
                        leaf("instance-type", enumeration("forwarding", "l2vpn", "no-forwarding", "virtual-router",
                                "virtual-switch", "vpls", "vrf"))
                                .help("Type of routing instance (virtual-router: st0 units in a VR, 10.4; vrf: L3VPN)"),
                        list("interface", key(NetworkTypes.interfaceUnit()))
                                .help("Interface name for this routing instance"),
                        leaf("route-distinguisher", NetworkTypes.routeDistinguisher())
                                .help("Route distinguisher for this instance"),
                        vrfTarget,
                        leafList("vrf-import", reference("policy-name", POLICY_STATEMENTS)).help("Import policy for VRF instance RIBs"),
                        leafList("vrf-export", reference("policy-name", POLICY_STATEMENTS)).help("Export policy for VRF instance RIBs"),
                        flag("vrf-table-label").help("Advertise a single VPN label for all routes in the VRF"),
                        routingOptions(false),
                        protocols(false))
                        .help("Routing instance")
                        .pid("org.secplane.network.routing-instance"))
                .help("Routing instance configuration");
    }

    /** Routing protocols of the main instance ({@code topLevel}) or of a routing instance. */
    static Container protocols(boolean topLevel) {
        Container bgp = container("bgp",
                ipsecSaUnchecked(),
                list("group", key(name("group-name")),
                        leaf("type", enumeration("internal", "external")).help("Type of peer group"),
                        leaf("description", string("description")).help("Text description"),
                        leaf("peer-as", integer(1, MAX32)).help("Autonomous system number"),
                        leaf("local-address", ipAddress()).help("Address of local end of BGP session"),
                        leafList("import", reference("policy-name", POLICY_STATEMENTS)).help("Import policy"),
                        leafList("export", reference("policy-name", POLICY_STATEMENTS)).help("Export policy"),
                        ipsecSaUnchecked(),
                        list("neighbor", key(ipAddress()),
                                leaf("description", string("description")).help("Text description"),
                                leaf("peer-as", integer(1, MAX32)).help("Autonomous system number"),
                                leaf("local-address", ipAddress()).help("Address of local end of BGP session"),
                                leafList("import", reference("policy-name", POLICY_STATEMENTS)).help("Import policy"),
                                leafList("export", reference("policy-name", POLICY_STATEMENTS)).help("Export policy"),
                                ipsecSaUnchecked())
                                .help("Configure a neighbor"))
                        .help("Define a peer group"))
                .help("BGP options");
        Container ospf = container("ospf", areas(false),
                leafList("export", reference("policy-name", POLICY_STATEMENTS)).help("Export policy"))
                .help("OSPF configuration");
        Container ospf3 = container("ospf3", areas(true),
                leafList("export", reference("policy-name", POLICY_STATEMENTS)).help("Export policy"))
                .help("OSPFv3 configuration");
        if (topLevel) {
            bgp.pid("org.secplane.network.bgp");
            ospf.pid("org.secplane.network.ospf");
            ospf3.pid("org.secplane.network.ospf3");
        }
        return container("protocols", bgp, ospf, ospf3).help("Routing protocol configuration");
    }

    /** BGP {@code ipsec-sa}: a name the commit does not check (003:L3, V-E06). */
    private static Leaf ipsecSaUnchecked() {
        return leaf("ipsec-sa", name("sa-name"))
                .help("IPsec security association ([edit security ipsec security-association]) protecting the session; "
                        + "not checked at commit (an undefined SA is handled at run time)");
    }

    private static ListNode areas(boolean ospf3) {
        ListNode ospfInterface = list("interface", key(NetworkTypes.interfaceUnitOrAll()),
                flag("passive").help("Do not run OSPF, but advertise it"),
                leaf("metric", integer(1, 65535)).help("Interface metric"),
                leaf("interface-type", enumeration("nbma", "p2mp", "p2mp-over-lan", "p2p")).help("Type of interface"),
                leaf("hello-interval", integer(1, 255)).help("Hello interval (seconds)"),
                leaf("dead-interval", integer(1, 65535)).help("Dead interval (seconds)"))
                .help("Include an interface in this area");
        if (ospf3) {
            // a name the commit does not resolve (D-19); the services bundle checks the SA's kind (V-E07)
            ospfInterface.entry().add(leaf("ipsec-sa", name("sa-name"))
                    .help("IPsec security association protecting OSPFv3 on this interface: a manual transport-mode SA"));
        }
        return list("area", key(NetworkTypes.areaId()), ospfInterface).help("Configure an OSPF area");
    }

    static Container policyOptions() {
        return container("policy-options",
                list("policy-statement", key(name("policy-name")),
                        list("term", key(name("term-name")), from(), then()).help("Policy term"),
                        from(), then())
                        .help("Routing policy")
                        .pid("org.secplane.network.policy-statement"),
                list("community", key(name("community-name")),
                        leafList("members", NetworkTypes.community()).help("Community members"))
                        .help("BGP community information")
                        .pid("org.secplane.network.community"),
                list("prefix-list", key(name("prefix-list-name")),
                        keylessList("prefix", key(ipPrefix(false))).help("Address prefix"))
                        .help("Prefix list")
                        .pid("org.secplane.network.prefix-list"))
                .help("Policy option configuration");
    }

    private static Container from() {
        return container("from",
                leafList("protocol", enumeration("aggregate", "bgp", "direct", "local", "ospf", "ospf3", "static"))
                        .help("Protocol from which route was learned"),
                leafList("community", reference("community-name", "policy-options community"))
                        .help("BGP community"),
                leafList("prefix-list", reference("prefix-list-name", "policy-options prefix-list"))
                        .help("List of prefixes"),
                leafList("neighbor", ipAddress()).help("Neighboring router"))
                .help("Conditions to match the source of a route");
    }

    private static Container then() {
        Container community = container("community",
                choice(leaf("add", reference("community-name", "policy-options community")).help("Add BGP communities to set"),
                        leaf("delete", reference("community-name", "policy-options community")).help("Delete BGP communities from set"),
                        leaf("set", reference("community-name", "policy-options community")).help("Set the BGP communities in route")))
                .oneLine().help("BGP community properties associated with a route");
        return container("then",
                choice(flag("accept").help("Accept a route"), flag("reject").help("Reject a route")),
                community,
                leaf("local-preference", integer(0, MAX32)).help("Local preference associated with a route"),
                leaf("metric", integer(0, MAX32)).help("Metric value"),
                leaf("next", enumeration("policy", "term")).help("Skip to next policy or term"))
                .help("Actions to take if 'from' and 'to' conditions match");
    }
}
