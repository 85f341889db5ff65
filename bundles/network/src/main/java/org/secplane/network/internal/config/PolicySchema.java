package org.secplane.network.internal.config;

import static org.secplane.config.schema.Statements.choice;
import static org.secplane.config.schema.Statements.container;
import static org.secplane.config.schema.Statements.flag;
import static org.secplane.config.schema.Statements.key;
import static org.secplane.config.schema.Statements.leaf;
import static org.secplane.config.schema.Statements.leafList;
import static org.secplane.config.schema.Statements.list;
import static org.secplane.config.schema.Types.enumeration;
import static org.secplane.config.schema.Types.integer;
import static org.secplane.config.schema.Types.name;
import static org.secplane.config.schema.Types.reference;
import static org.secplane.config.schema.Types.size;
import static org.secplane.config.schema.Types.string;

import org.secplane.config.schema.Container;
import org.secplane.config.schema.ListNode;

/**
 * {@code [edit security policies]} (ipsec-srx.md §2.5, ¶349→¶241→¶16) and {@code [edit applications]}.
 * Policies are list entries inside their zone context so that {@code insert … before|after policy P}
 * reorders them (top-down, first match, ¶96, ¶129) and a name is unique per context only (D-32).
 */
final class PolicySchema {

    private PolicySchema() {
    }

    static final String ZONES = "security zones security-zone";

    static Container policies() {
        return container("policies",
                list("from-zone", key(reference("zone-name", ZONES), "to-zone", reference("zone-name", ZONES)),
                        policy())
                        .help("Source zone and destination zone of the policies (one context per zone pair)")
                        .pid("org.secplane.network.policy-context"),
                container("global", policy())
                        .help("Global policies (addresses from the global address book)")
                        .pid("org.secplane.network.global-policies"),
                container("default-policy",
                        choice(flag("deny-all").help("Deny all traffic if no policy match (default)"),
                                flag("permit-all").help("Permit all traffic if no policy match")))
                        .help("Default policy action when no policy matches")
                        .pid("org.secplane.network.default-policy"),
                flag("policy-rematch").help("Re-evaluate the policy when changed"),
                container("traceoptions",
                        container("file",
                                leaf("filename", string("filename")).noKeyword().help("Name of file in which to write trace information"),
                                leaf("files", integer(2, 1000)).help("Maximum number of trace files"),
                                leaf("size", size(10240, 1073741824L)).help("Maximum trace file size"),
                                choice(flag("world-readable").help("Allow any user to read the log file"),
                                        flag("no-world-readable").help("Don't allow any user to read the log file")))
                                .oneLine().help("Trace file information"),
                        leafList("flag", enumeration("all", "compilation", "configuration", "ipc", "lookup",
                                "routing-socket", "rules")).help("Tracing parameters"),
                        flag("no-remote-trace").help("Disable remote tracing"))
                        .help("Network security policy tracing options"))
                .help("Network security policies");
    }

    private static ListNode policy() {
        Container tunnel = container("tunnel",
                choice(leaf("ipsec-vpn", reference("vpn-name", "security ipsec vpn"))
                                .help("Policy-based VPN (a [edit security ipsec vpn] without bind-interface, D-34)"),
                        leaf("ipsec-group-vpn", name("group-vpn")).help("Group VPN name")),
                leaf("pair-policy", name("policy-name"))
                        .help("Policy of the reverse zone context that tunnels through the same VPN (D-33)"))
                .help("Tunnel packets");
        Container permit = container("permit",
                tunnel,
                leaf("destination-address", enumeration("drop-translated", "drop-untranslated"))
                        .help("Destination address handling of NAT-translated packets"),
                flag("services-offload").help("Enable services offloading"),
                container("tcp-options",
                        flag("sequence-check-required").help("Enable sequence check"),
                        flag("syn-check-required").help("Enable SYN check"))
                        .help("Transmission Control Protocol session configuration"))
                .presence().help("Permit packets (with 'tunnel' for a policy-based VPN)");
        return list("policy", key(name("policy-name")),
                leaf("description", string("description")).help("Text description of policy (12.3)"),
                container("match",
                        leafList("source-address", name("address"))
                                .help("Match IP source address: a name of the from-zone's address book, any, any-ipv4, any-ipv6"),
                        leafList("destination-address", name("address"))
                                .help("Match IP destination address: a name of the to-zone's address book, any, any-ipv4, any-ipv6"),
                        leafList("application", name("application"))
                                .help("Port-based application: any, junos-…, or [edit applications] name"),
                        leafList("source-identity", name("role-name"))
                                .help("Match source identity (any, authenticated-user, unauthenticated-user, unknown-user, role)"))
                        .help("Specify security policy match criteria"),
                leaf("scheduler-name", name("scheduler-name")).help("Name of security scheduler"),
                container("then",
                        choice(permit,
                                flag("deny").help("Deny packets"),
                                flag("reject").help("Reject packets")),
                        container("log",
                                flag("session-init").help("Log session init time"),
                                flag("session-close").help("Log session close time"))
                                .help("Enable log"),
                        container("count",
                                container("alarm",
                                        leaf("per-minute-threshold", integer(0, 4294967295L)).help("Threshold for alarm per minute"),
                                        leaf("per-second-threshold", integer(0, 4294967295L)).help("Threshold for alarm per second"))
                                        .help("Enable alarm"))
                                .presence().help("Enable count"))
                        .help("Specify policy action to take when packet match criteria"))
                .help("Define a security policy (evaluated top-down within its context; reorder with insert)");
    }

    static Container applications() {
        return container("applications",
                list("application", key(name("application-name")),
                        leaf("description", string("description")).help("Text description of application"),
                        leaf("protocol", NetworkTypes.ipProtocol()).help("Match IP protocol type"),
                        leaf("source-port", NetworkTypes.port()).help("Match TCP/UDP source port"),
                        leaf("destination-port", NetworkTypes.port()).help("Match TCP/UDP destination port"),
                        leaf("inactivity-timeout", integer(4, 86400)).help("Application-specific inactivity timeout (seconds)"))
                        .help("Define an application")
                        .pid("org.secplane.network.application"),
                list("application-set", key(name("application-set-name")),
                        leaf("description", string("description")).help("Text description of application set"),
                        list("application", key(name("application-name"))).help("Application to be included in the set"),
                        list("application-set", key(name("application-set-name"))).help("Application set to be included"))
                        .help("Define an application set")
                        .pid("org.secplane.network.application-set"))
                .help("Define applications by protocol characteristics");
    }
}
